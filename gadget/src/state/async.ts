/**
 * The one shape of anything loaded asynchronously, in the store and in views: idle (not
 * asked for, or not allowed: the backend before sign-in), loading, ready, error. A reload
 * keeps the last value while it runs, so views do not blank out.
 */
export type AsyncState<T> =
  | { status: "idle" }
  | { status: "loading"; value?: T }
  | { status: "ready"; value: T }
  | { status: "error"; error: unknown; value?: T };

/** The value, when there is one (ready, or kept while reloading or after a failed reload). */
export const loaded = <T>(s: AsyncState<T>): T | undefined => ("value" in s ? s.value : undefined);
