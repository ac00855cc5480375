/**
 * The last directory the browser saw, kept in IndexedDB (localStorage holds a few MB for the
 * whole wiki; 5,000 partners are 6 MB of JSON): a repeat visit draws it at once and the store
 * refreshes it behind. One entry per mirror prefix, at most MAX_CACHED_BYTES of JSON, versioned
 * by the format (CACHE_FORMAT) and by the mirror's last event, so that a newer mirror replaces it
 * and an entry of another format is never read.
 */
import type { Directory } from "../api/directory-source.ts";

/** Bump when what is stored changes shape: older entries are then ignored. */
export const CACHE_FORMAT = 1;
/** Larger directories are not kept (the JSON's length in UTF-16 code units, about its bytes). */
export const MAX_CACHED_BYTES = 32 * 1024 * 1024;

export interface CachedDirectory {
  format: number;
  /** The mirror's last event the directory includes: the version. */
  lastEvent: number | null;
  directory: Directory;
}

/** Where entries live: IndexedDB in the browser (idbStore), anything with get/put in tests. */
export interface CacheStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const keyOf = (prefix: string) => `directory:${prefix}`;

/** The kept directory of `prefix`, or null (none, another format, or unreadable). */
export async function readCached(store: CacheStore, prefix: string): Promise<CachedDirectory | null> {
  try {
    const entry = (await store.get(keyOf(prefix))) as CachedDirectory | undefined;
    if (!entry || entry.format !== CACHE_FORMAT || !Array.isArray(entry.directory?.partners)) return null;
    return entry;
  } catch {
    return null;
  }
}

/**
 * Keep `directory` for the next visit (the caller knows whether what is kept is already this
 * version: reading a kept copy back only to compare would clone megabytes). Too large a
 * directory removes the entry instead (an old one would otherwise be drawn for ever). Resolves
 * whether it was written.
 */
export async function writeCached(store: CacheStore, prefix: string, directory: Directory): Promise<boolean> {
  try {
    if (JSON.stringify(directory).length > MAX_CACHED_BYTES) {
      await store.delete(keyOf(prefix));
      return false;
    }
    const entry: CachedDirectory = {
      format: CACHE_FORMAT,
      lastEvent: directory.lastEvent,
      directory,
    };
    await store.put(keyOf(prefix), entry);
    return true;
  } catch {
    return false;
  }
}

const DB = "partnerhub";
const STORE = "cache";

/** IndexedDB, one database with one object store; null where the browser offers none (or forbids it). */
export function idbStore(idb: IDBFactory | undefined = globalThis.indexedDB): CacheStore | null {
  if (!idb) return null;
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const d = await db();
    return new Promise<T>((resolve, reject) => {
      const req = op(d.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  };
  return {
    get: (key) => run("readonly", (s) => s.get(key)),
    put: async (key, value) => void (await run("readwrite", (s) => s.put(value, key))),
    delete: async (key) => void (await run("readwrite", (s) => s.delete(key))),
  };
}
