import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { IDLE_WARNING_MINUTES } from "~/domain/accounts";

/**
 * Where JavaScript runs, a session that is about to end says so, and typed text is never lost
 * to the idle sign-out (hazard H33):
 *
 * - typing in a form keeps the session alive (a small request, at most every two minutes);
 * - IDLE_WARNING_MINUTES before the idle limit a dialog offers "Stay signed in";
 * - what is typed into a form is kept in this tab's sessionStorage; when the session has ended
 *   and the user signs in again, it is put back on the same page and they are told. It is
 *   removed once the form has been sent from a live session, on signing out, or with the tab.
 *
 * Without JavaScript none of this runs: the sign-in page still says why the session ended and
 * returns to the same page (app/web/session.server.ts).
 */

const DRAFT = "dc-draft:";
const RESTORE = "dc-restore";
const SUBMITTED = "dc-submitted";
/** The server notes a visit at most once a minute, so the session may be this much older than the last page. */
const SERVER_TOUCH_MS = 60_000;
const KEEP_ALIVE_EVERY_MS = 120_000;

/** The page a form posts to, as the server sees it (Remix adds `?index` for index routes; the server drops it). */
function draftKey(url: string): string {
  const u = new URL(url, window.location.origin);
  u.searchParams.delete("index");
  const search = u.searchParams.toString();
  return `${u.pathname}${search ? `?${search}` : ""}`;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

type Saved = Record<string, string[]>;

function tracked(form: HTMLFormElement): boolean {
  return form.method.toLowerCase() === "post" && draftKey(form.action) !== "/logout" && !draftKey(form.action).startsWith("/login");
}

function readForm(form: HTMLFormElement): Saved {
  const out: Saved = {};
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) (out[el.name] ??= []).push(el.value);
    if (el instanceof HTMLInputElement && el.name && !["password", "hidden", "file", "submit", "button"].includes(el.type)) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (out[el.name] ??= []).push(el.value);
      } else (out[el.name] ??= []).push(el.value);
    }
  }
  return out;
}

function fillForm(form: HTMLFormElement, saved: Saved): boolean {
  let filled = false;
  for (const el of Array.from(form.elements)) {
    const name = (el as HTMLInputElement).name;
    const values = name ? saved[name] : undefined;
    if (!values) continue;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      el.checked = values.includes(el.value);
      filled = true;
    } else if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !["password", "hidden", "file"].includes(el.type))) {
      const value = values.shift();
      if (value !== undefined && value !== el.value) {
        el.value = value;
        filled = true;
      }
    }
  }
  return filled;
}

/** On the sign-in page after a session ended: the page to return to gets its typed text back. */
export function MarkDraftsToRestore({ redirectTo }: { redirectTo: string }) {
  useEffect(() => {
    const store = storage();
    const key = draftKey(redirectTo);
    if (!store || !store.getItem(DRAFT + key)) return;
    store.setItem(RESTORE, key);
    // The form sent when the session had ended was not saved: keep its text.
    if (store.getItem(SUBMITTED) === key) store.removeItem(SUBMITTED);
  }, [redirectTo]);
  return null;
}

export function SessionTimeout({ idleMinutes }: { idleMinutes: number }) {
  const location = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const lastServer = useRef(Date.now() - SERVER_TOUCH_MS);
  const [restored, setRestored] = useState(false);
  const [warnAt, setWarnAt] = useState<string>("");

  // Every page the server sends counts as activity.
  useEffect(() => {
    lastServer.current = Date.now() - SERVER_TOUCH_MS;
    const store = storage();
    if (!store) return;
    const here = draftKey(location.pathname + location.search);
    if (store.getItem(RESTORE) !== here) {
      // A form sent from a live session has done its job: forget what was typed.
      const submitted = store.getItem(SUBMITTED);
      if (submitted && !location.pathname.startsWith("/login")) {
        store.removeItem(DRAFT + submitted);
        store.removeItem(SUBMITTED);
      }
    }
    if (store.getItem(RESTORE) === here) {
      store.removeItem(RESTORE);
      const saved = store.getItem(DRAFT + here);
      if (saved) {
        let any = false;
        const drafts = JSON.parse(saved) as Saved[];
        const forms = Array.from(document.querySelectorAll("form")).filter((f) => tracked(f) && draftKey(f.action) === here);
        forms.forEach((form, i) => {
          if (drafts[i] && fillForm(form, drafts[i]!)) any = true;
        });
        setRestored(any);
      }
    } else {
      setRestored(false);
    }
  }, [location]);

  // Keep what is typed; typing keeps the session alive; signing out forgets it all.
  useEffect(() => {
    const store = storage();
    const save = (form: HTMLFormElement) => {
      if (!store || !tracked(form)) return;
      const key = draftKey(form.action);
      const forms = Array.from(document.querySelectorAll("form")).filter((f) => tracked(f) && draftKey(f.action) === key);
      store.setItem(DRAFT + key, JSON.stringify(forms.map(readForm)));
    };
    const onInput = (event: Event) => {
      const form = (event.target as HTMLInputElement | null)?.form;
      if (!form) return;
      save(form);
      if (Date.now() - lastServer.current > KEEP_ALIVE_EVERY_MS) void keepAlive();
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (!store) return;
      if (draftKey(form.action) === "/logout") {
        for (const key of Object.keys(store)) if (key.startsWith(DRAFT) || key === RESTORE || key === SUBMITTED) store.removeItem(key);
        return;
      }
      if (!tracked(form)) return;
      save(form);
      store.setItem(SUBMITTED, draftKey(form.action));
    };
    document.addEventListener("input", onInput);
    document.addEventListener("change", onInput);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("input", onInput);
      document.removeEventListener("change", onInput);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, []);

  const signedOut = () => {
    const back = draftKey(window.location.pathname + window.location.search);
    const store = storage();
    if (store?.getItem(DRAFT + back)) store.setItem(RESTORE, back);
    window.location.assign(`/login?redirectTo=${encodeURIComponent(back)}&reason=idle`);
  };

  /** True when the server kept the session alive; false when it had ended (then off to sign in) or could not be reached. */
  async function keepAlive(): Promise<boolean> {
    const before = lastServer.current;
    lastServer.current = Date.now();
    let response: Response;
    try {
      response = await fetch("/session/keep-alive", { method: "POST", redirect: "manual", credentials: "same-origin" });
    } catch {
      // Offline for a moment: nothing changed on the server; the next keystroke or button press tries again.
      lastServer.current = before;
      return false;
    }
    if (response.ok) return true;
    signedOut();
    return false;
  }

  // The warning, then the sign-out itself, timed from the last contact with the server.
  useEffect(() => {
    const timer = window.setInterval(() => {
      const idleFor = Date.now() - lastServer.current;
      const limit = idleMinutes * 60_000;
      const box = dialog.current;
      if (idleFor >= limit) {
        window.clearInterval(timer);
        box?.close();
        signedOut();
      } else if (idleFor >= limit - IDLE_WARNING_MINUTES * 60_000 && box && !box.open) {
        const at = new Date(lastServer.current + limit);
        setWarnAt(at.toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit" }));
        box.showModal();
      }
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [idleMinutes]);

  return (
    <>
      <dialog ref={dialog} className="dc-dialog" aria-labelledby="session-warning-title" aria-describedby="session-warning-text">
        <h2 id="session-warning-title">You will be signed out soon</h2>
        <p id="session-warning-text">
          You have not used Delegated Care for a while. To protect people's information, you will be signed out at {warnAt}. Anything you have typed
          is kept on this device and put back when you sign in again.
        </p>
        <div className="dc-actions">
          <button
            type="button"
            className="nhsuk-button"
            onClick={async () => {
              if (await keepAlive()) dialog.current?.close();
            }}
          >
            Stay signed in
          </button>
          <form method="post" action="/logout">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Sign out
            </button>
          </form>
        </div>
      </dialog>
      {restored ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>We have put back what you typed before you were signed out. Check it, then send the form again.</p>
        </div>
      ) : null}
    </>
  );
}
