import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * React error #345 ("Root did not complete") during keyboard navigation (issue 14, item 10).
 *
 * With single fetch, <RemixBrowser> suspends at the very top of the tree until the page's data,
 * streamed in the HTML, has been decoded. React 18 answers a keydown, click or input on a page
 * that is not hydrated yet by hydrating it synchronously at once; a synchronous render cannot
 * wait for that data, finds no Suspense boundary above <RemixBrowser>, and gives up with #345,
 * leaving a page that no longer responds to scripts.
 *
 * Until hydration has finished, those events are kept from React (stopped at the window, before
 * React's listeners on the document see them). What they do natively still happens, as without
 * JavaScript: the key moves focus, the link opens, the form is sent. Once hydrated, React
 * handles every event.
 */
const EVENTS_THAT_FORCE_HYDRATION = [
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "change",
  "compositionstart",
  "compositionend",
  "mousedown",
  "mouseup",
  "click",
  "auxclick",
  "dblclick",
  "contextmenu",
  "pointerdown",
  "pointerup",
  "pointercancel",
  "touchstart",
  "touchend",
  "touchcancel",
  "dragstart",
  "dragend",
  "drop",
  "copy",
  "cut",
  "paste",
  "reset",
  "submit",
] as const;

function holdUntilHydrated(event: Event) {
  event.stopImmediatePropagation();
}
for (const type of EVENTS_THAT_FORCE_HYDRATION) window.addEventListener(type, holdUntilHydrated, true);

function releaseEvents() {
  for (const type of EVENTS_THAT_FORCE_HYDRATION) window.removeEventListener(type, holdUntilHydrated, true);
  // Every component's effects have run (this one is the outermost): the page's scripts are live.
  document.documentElement.dataset.scripts = "ready";
}

/** Renders nothing of its own; its effect runs once the whole page has hydrated. */
function WhenHydrated({ children }: { children: ReactNode }) {
  useEffect(releaseEvents, []);
  return <>{children}</>;
}

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <WhenHydrated>
        <RemixBrowser />
      </WhenHydrated>
    </StrictMode>,
    {
      // A mismatch React recovers from (a browser extension changing the page, say) is logged, never shown.
      onRecoverableError(error) {
        console.error("Recovered while starting the page:", error);
      },
    },
  );
});
