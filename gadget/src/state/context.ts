/** The store, handed down through context so views stay free of globals. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Store } from "./store.ts";

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("StoreContext missing");
  return store;
}
