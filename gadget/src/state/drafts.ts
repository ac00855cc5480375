/**
 * Drafts of what a person types into a form, kept per form in sessionStorage (what
 * `mw.storage.session` wraps) until it is sent or discarded on purpose: switching tabs,
 * reloading or cancelling a dialog loses nothing.
 */
const PREFIX = "partnerhub-draft-";

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(form: string, fallback: T): T {
  const raw = storage()?.getItem(PREFIX + form);
  if (!raw) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(raw) as Partial<T>) };
  } catch {
    return fallback;
  }
}

export function saveDraft(form: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + form, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, only without a draft.
  }
}

export function discardDraft(form: string): void {
  storage()?.removeItem(PREFIX + form);
}
