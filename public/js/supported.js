// NHS.UK frontend's components only start when the body says the browser supports them
// (the service manual's template does this with an inline script; this file keeps CSP strict).
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) document.body.classList.add("nhsuk-frontend-supported");
