// Stops the local wiki started by scripts/wiki/up.ts. Its pages stay in .cache/wiki-instance
// unless --wipe is given.
//   node scripts/wiki/down.ts [--wipe]
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isProcessGroupAlive, stopProcessGroup } from "../../tools/wiki/harness.ts";
import { instanceDir, readState } from "./instance-files.ts";

const { values } = parseArgs({ options: { wipe: { type: "boolean", default: false } } });

const running = readState();
if (running && isProcessGroupAlive(running.pid)) {
  await stopProcessGroup(running.pid);
  console.log(`Stopped the local wiki at ${running.scriptUrl}.`);
} else {
  console.log("The local wiki is not running.");
}
if (values.wipe) {
  await rm(instanceDir, { recursive: true, force: true });
  console.log(`Removed ${instanceDir}.`);
}
