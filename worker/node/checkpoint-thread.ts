/**
 * The checkpointer's thread (see checkpoint.ts): its own connection to the database file,
 * asleep until the server's connection says it committed, then a PASSIVE checkpoint (copy the
 * WAL into the database and sync both), at most one per interval. A checkpoint waits for the
 * disk (two fsyncs, up to a few hundred ms on a busy volume); here it waits off the event loop.
 * Plain TypeScript that Node runs by stripping the types: node: modules only.
 */
import { DatabaseSync } from "node:sqlite";
import { workerData } from "node:worker_threads";

interface Data {
  path: string;
  state: Int32Array;
  intervalMs: number;
  restartFrames: number;
  busyTimeoutMs: number;
}

const { path, state, intervalMs, restartFrames, busyTimeoutMs } = workerData as Data;
// Slots of `state`, as in checkpoint.ts.
const WRITES = 0;
const STOP = 1;
const STOPPED = 2;
const RUNS = 3;

let db: DatabaseSync | null = null;
try {
  db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  const passive = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
  const restart = db.prepare("PRAGMA wal_checkpoint(RESTART)");
  let seen = 0;
  for (;;) {
    // Until a commit since the last checkpoint (or the stop, which also wakes this slot).
    Atomics.wait(state, WRITES, seen);
    if (Atomics.load(state, STOP)) break;
    seen = Atomics.load(state, WRITES);
    const { log } = passive.get() as { busy: number; log: number; checkpointed: number };
    // Under writes without a pause the WAL never starts over (frames committed during a checkpoint
    // are left for the next); past the bound, RESTART makes writers wait once so that it can.
    if (log > restartFrames) restart.get();
    Atomics.add(state, RUNS, 1);
    Atomics.wait(state, STOP, 0, intervalMs);
    if (Atomics.load(state, STOP)) break;
  }
} finally {
  db?.close();
  Atomics.store(state, STOPPED, 1);
  Atomics.notify(state, STOPPED);
}
