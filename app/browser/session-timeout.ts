/**
 * Where JavaScript runs, a session that is about to end says so, and typed text is never lost
 * to the idle sign-out (hazard H33):
 *
 * - typing in a form keeps the session alive (a small request, at most every two minutes);
 * - some minutes before the idle limit a dialog offers "Stay signed in";
 * - what is typed into a form is kept in this tab's sessionStorage; when the session has ended
 *   and the user signs in again, it is put back on the same page and they are told. It is
 *   removed once the form has been sent from a live session, on signing out, or with the tab.
 *
 * The server renders the dialog and the notice (app/components/SessionTimeout.tsx); this wires
 * them. Without JavaScript none of this runs: the sign-in page still says why the session ended
 * and returns to the same page (app/web/session.server.ts).
 */

const DRAFT = "dc-draft:";
const RESTORE = "dc-restore";
const SUBMITTED = "dc-submitted";
/** The server notes a visit at most once a minute, so the session may be this much older than the last page. */
const SERVER_TOUCH_MS = 60_000;
const KEEP_ALIVE_EVERY_MS = 120_000;

/** The page a form posts to, as the server sees it (an `?index` on an index route is dropped by the server too). */
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

function formsPostingTo(key: string): HTMLFormElement[] {
  return Array.from(document.querySelectorAll("form")).filter((f) => tracked(f) && draftKey(f.action) === key);
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
export function markDraftsToRestore(marker: HTMLElement) {
  const store = storage();
  const key = draftKey(marker.dataset.restoreFor ?? "/");
  if (!store || !store.getItem(DRAFT + key)) return;
  store.setItem(RESTORE, key);
  // The form sent when the session had ended was not saved: keep its text.
  if (store.getItem(SUBMITTED) === key) store.removeItem(SUBMITTED);
}

/** Puts back what was typed before an idle sign-out, when this is the page it was typed on. */
function restoreDrafts(store: Storage): boolean {
  const here = draftKey(window.location.pathname + window.location.search);
  if (store.getItem(RESTORE) !== here) {
    // A form sent from a live session has done its job: forget what was typed.
    const submitted = store.getItem(SUBMITTED);
    if (submitted && !window.location.pathname.startsWith("/login")) {
      store.removeItem(DRAFT + submitted);
      store.removeItem(SUBMITTED);
    }
    return false;
  }
  store.removeItem(RESTORE);
  const saved = store.getItem(DRAFT + here);
  if (!saved) return false;
  let any = false;
  const drafts = JSON.parse(saved) as Saved[];
  formsPostingTo(here).forEach((form, i) => {
    if (drafts[i] && fillForm(form, drafts[i]!)) any = true;
  });
  return any;
}

export function sessionTimeout(root: HTMLElement) {
  const idleMinutes = Number(root.dataset.idleMinutes);
  const warningMinutes = Number(root.dataset.warningMinutes);
  const dialog = root.querySelector<HTMLDialogElement>("dialog");
  const warnAt = root.querySelector<HTMLElement>("[data-warn-at]");
  const restored = root.querySelector<HTMLTemplateElement>("template[data-restored]");
  const stay = root.querySelector<HTMLButtonElement>("[data-stay-signed-in]");
  if (!idleMinutes || !dialog || !warnAt || !restored || !stay) return;
  const store = storage();
  // The page the server has just sent counts as activity.
  let lastServer = Date.now() - SERVER_TOUCH_MS;

  if (store && restoreDrafts(store)) restored.replaceWith(restored.content);

  const signedOut = () => {
    const back = draftKey(window.location.pathname + window.location.search);
    if (store?.getItem(DRAFT + back)) store.setItem(RESTORE, back);
    window.location.assign(`/login?redirectTo=${encodeURIComponent(back)}&reason=idle`);
  };

  /** True when the server kept the session alive; false when it had ended (then off to sign in) or could not be reached. */
  const keepAlive = async (): Promise<boolean> => {
    const before = lastServer;
    lastServer = Date.now();
    let response: Response;
    try {
      response = await fetch("/session/keep-alive", { method: "POST", redirect: "manual", credentials: "same-origin" });
    } catch {
      // Offline for a moment: nothing changed on the server; the next keystroke or button press tries again.
      lastServer = before;
      return false;
    }
    if (response.ok) return true;
    signedOut();
    return false;
  };

  // Keep what is typed; typing keeps the session alive; signing out forgets it all.
  const save = (form: HTMLFormElement) => {
    if (!store || !tracked(form)) return;
    const key = draftKey(form.action);
    store.setItem(DRAFT + key, JSON.stringify(formsPostingTo(key).map(readForm)));
  };
  const onInput = (event: Event) => {
    const form = (event.target as HTMLInputElement | null)?.form;
    if (!form) return;
    save(form);
    if (Date.now() - lastServer > KEEP_ALIVE_EVERY_MS) void keepAlive();
  };
  document.addEventListener("input", onInput);
  document.addEventListener("change", onInput);
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target as HTMLFormElement;
      if (!store) return;
      if (draftKey(form.action) === "/logout") {
        for (const key of Object.keys(store)) if (key.startsWith(DRAFT) || key === RESTORE || key === SUBMITTED) store.removeItem(key);
        return;
      }
      if (!tracked(form)) return;
      save(form);
      store.setItem(SUBMITTED, draftKey(form.action));
    },
    true,
  );

  stay.addEventListener("click", async () => {
    if (await keepAlive()) dialog.close();
  });

  // The warning, then the sign-out itself, timed from the last contact with the server.
  const timer = window.setInterval(() => {
    const idleFor = Date.now() - lastServer;
    const limit = idleMinutes * 60_000;
    if (idleFor >= limit) {
      window.clearInterval(timer);
      dialog.close();
      signedOut();
    } else if (idleFor >= limit - warningMinutes * 60_000 && !dialog.open) {
      warnAt.textContent = new Date(lastServer + limit).toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit" });
      dialog.showModal();
    }
  }, 5_000);
}
