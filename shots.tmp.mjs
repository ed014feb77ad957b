import { chromium } from "playwright";
const [,, email, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message.slice(0, 300)));
await page.goto("http://localhost:3311/login");
await page.fill("#email", email); await page.fill("#password", "delegated-care-demo"); await page.click("button[type=submit]");
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
let i = 0;
for (const p of paths) {
  const r = await page.goto("http://localhost:3311" + p);
  const out = `/tmp/shot-${i++}.png`;
  await page.screenshot({ path: out, fullPage: true });
  console.log(r.status(), p, out, await page.title());
}
await browser.close();
