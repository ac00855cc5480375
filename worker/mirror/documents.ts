/** Every page the mirror keeps on the wiki, rendered from one record. */
import { mirrorIndexTitle } from "../../shared/mirror-titles.ts";
import type { MirrorPage, PageContext, Stamp } from "./layout.ts";
import type { MirrorRecord } from "./record.ts";
import { renderClaims } from "./render-claims.ts";
import { renderDirectory, type GadgetSettings } from "./render-directory.ts";
import { isSafeLinkTarget } from "./escape.ts";
import { renderJson, retiredJsonPart } from "./render-json.ts";

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

/**
 * Pages for the numbered parts the mirror saved once and no longer renders (`P/3` after the
 * directory shrank to two parts, or the page limit rose): a bot may not delete pages, so a
 * wikitext part becomes a redirect to its document, and a JSON part an empty directory that
 * lists nothing. `known` are the titles the mirror's bookkeeping has saved.
 */
export function retiredParts(known: Iterable<string>, current: MirrorPage[][], options: RenderOptions): MirrorPage[] {
  const titles = mirrorTitles(options.prefix);
  const rendered = new Set(current.flat().map((p) => p.title));
  const documents = [
    { base: titles.json, model: "json" as const },
    { base: titles.directory, model: "wikitext" as const },
    { base: titles.claims, model: "wikitext" as const },
  ];
  const retired: MirrorPage[] = [];
  for (const title of known) {
    if (rendered.has(title)) continue;
    const doc = documents.find((d) => title.startsWith(`${d.base}/`) && /^\d+$/.test(title.slice(d.base.length + 1)));
    if (!doc) continue;
    if (doc.model === "json") retired.push({ title, model: doc.model, text: retiredJsonPart() });
    else if (isSafeLinkTarget(doc.base)) retired.push({ title, model: doc.model, text: `#REDIRECT [[${doc.base}]]` });
  }
  return retired.sort((a, b) => a.title.localeCompare(b.title, "en", { numeric: true }));
}
