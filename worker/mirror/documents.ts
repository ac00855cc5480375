/** Every page the mirror keeps on the wiki, rendered from one record. */
import { mirrorIndexTitle } from "../../shared/mirror-titles.ts";
import type { MirrorPage, PageContext, Stamp } from "./layout.ts";
import type { MirrorRecord } from "./record.ts";
import { renderClaims } from "./render-claims.ts";
import { renderDirectory, type GadgetSettings } from "./render-directory.ts";
import { renderJson } from "./render-json.ts";

export interface MirrorTitles {
  directory: string;
  claims: string;
  json: string;
}

/** The titles under a page prefix: `P`, `P/Claims`, `P.json` (and their numbered parts). */
export function mirrorTitles(prefix: string): MirrorTitles {
  return { directory: prefix, claims: `${prefix}/Claims`, json: mirrorIndexTitle(prefix) };
}

export interface RenderOptions {
  prefix: string;
  category: string;
  gadget: GadgetSettings;
  /** Bytes a page may have. */
  limit: number;
}

/**
 * The documents, each as its pages in the order to save them: numbered parts first, the
 * index (the title readers and the gadget open) last, so an index never lists a missing part.
 */
export function renderDocuments(record: MirrorRecord, stamp: Stamp, options: RenderOptions): MirrorPage[][] {
  const titles = mirrorTitles(options.prefix);
  const ctx: PageContext = { stamp, directoryTitle: titles.directory, jsonTitle: titles.json, limit: options.limit };
  return [
    renderJson(record, { title: titles.json }, ctx),
    renderDirectory(record, { title: titles.directory, category: options.category, gadget: options.gadget }, ctx),
    renderClaims(record, { title: titles.claims }, ctx),
  ];
}
