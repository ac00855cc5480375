/**
 * `npm run build:gadget`: the browsing gadget (with its language modules), then each on-demand
 * module (gadget/vite.config.ts), into dist/gadget/.
 */
import { build } from "vite";
import { ON_DEMAND_MODULES } from "./vite.config.ts";

const configFile = new URL("./vite.config.ts", import.meta.url).pathname;
const logLevel = process.argv.includes("--quiet") ? "warn" : "info";
for (const mode of ["production", ...ON_DEMAND_MODULES]) await build({ configFile, mode, logLevel });
