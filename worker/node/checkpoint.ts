/**
 * WAL checkpoints off the event loop, for the server's long-lived connection. By default SQLite
 * checkpoints inside the COMMIT that takes the WAL past 1,000 pages, on the committing thread:
 * with `synchronous = NORMAL` that COMMIT then waits for two fsyncs, which on a shared volume take
 * from 1 to 150 ms and more, and the whole server waits with it (the claims benchmark's p99 on
 * Node). Here the server's connection checkpoints never (`wal_autocheckpoint = 0`) and a worker
 * thread with its own connection does (checkpoint-thread.ts): woken by a commit, at most once per
 * interval, so a burst of writes costs a few checkpoints and an idle server none. A PASSIVE
 * checkpoint takes no lock that writers or readers wait for. Durability is unchanged: a commit is
 * still synced at the next checkpoint, as with NORMAL before. See docs/toolforge.md.
 */
import { Worker } from "node:worker_threads";

export interface CheckpointOptions {
  /** At most one checkpoint per this many ms while writes go on (default 100). */
  intervalMs?: number;
  /** WAL frames past which a checkpoint makes writers wait once so that the WAL starts over (default 10,000 ≈ 40 MiB). */
  restartFrames?: number;
  busyTimeoutMs?: number;
}

export interface Checkpointer {
  /** A commit happened (cheap: one atomic add; the thread wakes if it sleeps). */
  committed(): void;
  /** Checkpoints run so far. */
  runs(): number;
  /** Stops the thread and closes its connection, waiting for a checkpoint under way (synchronously). */
  stop(): void;
}

// Slots of the shared state, as in checkpoint-thread.ts.
const WRITES = 0;
const STOP = 1;
const STOPPED = 2;
const RUNS = 3;
/** How long `stop` waits for a checkpoint under way before giving up on it. */
const STOP_WAIT_MS = 30_000;

/**
 * Starts the thread for the database at `path`. `inline` turns SQLite's own checkpoints back on
 * in the caller's connection if the thread fails, so that the WAL stays bounded whatever happens.
 */
export function startCheckpointer(path: string, inline: () => void, options: CheckpointOptions = {}): Checkpointer {
  const state = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(new URL("./checkpoint-thread.ts", import.meta.url), {
    workerData: {
      path,
      state,
      intervalMs: options.intervalMs ?? 100,
      restartFrames: options.restartFrames ?? 10_000,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    },
  });
  let failed = false;
  worker.on("error", (error) => {
    failed = true;
    console.error("the WAL checkpointer stopped; checkpoints are back on the server's thread:", error);
    inline();
  });
  // The thread sleeps in Atomics.wait; it must not keep the process alive.
  worker.unref();
  return {
    committed() {
      Atomics.add(state, WRITES, 1);
      Atomics.notify(state, WRITES);
    },
    runs: () => Atomics.load(state, RUNS),
    stop() {
      if (failed || Atomics.load(state, STOP)) return;
      Atomics.store(state, STOP, 1);
      // Changes the slot the thread may be about to wait on, so that it cannot sleep past the stop.
      Atomics.add(state, WRITES, 1);
      Atomics.notify(state, WRITES);
      Atomics.notify(state, STOP);
      Atomics.wait(state, STOPPED, 0, STOP_WAIT_MS);
    },
  };
}
