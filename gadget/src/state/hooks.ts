/** Small hooks for talking to the backend from views: loading data, running an action. */
import { useCallback, useEffect, useState } from "preact/hooks";

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "error"; error: unknown }
  | { status: "off" };

/** Load `fn()` whenever `deps` change; `fn` null means "not allowed to load" (state `off`). */
export function useAsync<T>(fn: (() => Promise<T>) | null, deps: unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>(fn ? { status: "loading" } : { status: "off" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!fn) {
      setState({ status: "off" });
      return;
    }
    let live = true;
    setState((s) => (s.status === "ready" ? s : { status: "loading" }));
    fn().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round, fn === null]);
  return [state, useCallback(() => setRound((r) => r + 1), [])];
}

/** Run one action at a time; keep its error until the next run. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(null) };
}
