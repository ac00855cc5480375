/** Small hooks for views: read a store resource, run one action at a time. */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { Backend } from "../api/backend.ts";
import type { AsyncState } from "./async.ts";
import { useStore } from "./context.ts";

/**
 * The store's resource `key`, (re)read with `load` when the view mounts, when `deps` change
 * and when signing in or out changes what may be read. Stays idle where the backend may not be used.
 */
export function useResource<T>(key: string, load: (b: Backend) => Promise<T>, deps: unknown[] = []): AsyncState<T> {
  const store = useStore();
  const state = store.resource<T>(key).value;
  const allowed = store.mayUseBackend.value;
  const token = store.session.value?.token;
  useEffect(() => {
    void store.read(key, load);
  }, [key, allowed, token, ...deps]);
  return state;
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
