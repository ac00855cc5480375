/**
 * TEST-ONLY: `npm run wikidata:standin [-- --port N]` serves the stand-in of Wikidata's API
 * (standin.ts) on 127.0.0.1 for the local preview (`npm run preview:gadget`, `?wikidata=`).
 * The local hub (`npm run hub`) starts its own.
 */
import { parseArgs } from "node:util";
import { startWikidataStandIn } from "./standin.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8790" } } });
const standIn = await startWikidataStandIn(Number(values.port));
console.log(`Wikidata stand-in (test-only, recorded-shape answers): ${standIn.apiUrl}`);
