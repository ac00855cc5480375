/**
 * The JSON pages the gadget reads (see shared/mirror-json.ts). Written exactly as MediaWiki's
 * JSON content model stores it (tab-indented, `<`, `>` and `&` as \u escapes), so the size the
 * mirror measures is the size the wiki counts, and an unchanged directory is a `nochange` edit.
 */
import type { MirrorDirectory } from "../../shared/mirror-json.ts";
import { Affiliate, Partner, Representative } from "../../shared/schemas.ts";
import { type MirrorPage, type PageContext, type Stamp, NEUTRAL_STAMP } from "./layout.ts";
import { partnerOrder, byKey, type MirrorRecord } from "./record.ts";
import { assertFits, byteLength, chunkBySize, partTitle, SIZE_MARGIN } from "./split.ts";

/** JSON as MediaWiki's JsonContent saves it (FormatJson::encode with tab indentation). */
export function mediaWikiJson(value: unknown): string {
  return JSON.stringify(value, null, "\t")
    .replace(/</g, "\\u003C")
    .replace(/>/g, "\\u003E")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Only the keys a schema declares, in its order: a private field can never ride along. */
function pick<T extends object>(keys: readonly string[], value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = (value as Record<string, unknown>)[key];
  return out as T;
}

const PARTNER_KEYS = Object.keys(Partner.shape);
const AFFILIATE_KEYS = Object.keys(Affiliate.shape);
const REPRESENTATIVE_KEYS = Object.keys(Representative.shape);

/** The public directory: partners and affiliates in a fixed order, affiliates with verified representatives only. */
export function publicDirectory(record: MirrorRecord): Pick<MirrorDirectory, "partners" | "affiliates"> {
  const partners = [...record.partners].sort(partnerOrder).map((p) => pick(PARTNER_KEYS, p));
  const affiliates = [...record.affiliates]
    .sort(
      byKey(
        (a) => a.id,
        (a) => a.id,
      ),
    )
    .map((a) =>
      pick(AFFILIATE_KEYS, {
        ...a,
        representatives: a.representatives
          .filter((r) => r.status === "verified")
          .map((r) => pick(REPRESENTATIVE_KEYS, r)),
      }),
    );
  return { partners, affiliates };
}

function documentText(
  stamp: Stamp,
  partners: MirrorDirectory["partners"],
  affiliates: MirrorDirectory["affiliates"],
  parts: string[],
  merged: Record<string, string> = {},
): string {
  const doc: MirrorDirectory = { generated: stamp.at, lastEvent: stamp.event, partners, affiliates, parts };
  if (Object.keys(merged).length > 0) doc.merged = merged;
  return mediaWikiJson(doc);
}

/** Bytes a partner takes inside `"partners": [ … ]`: two more tabs on each line, and ",\n". */
function nestedSize(partner: unknown): number {
  const text = mediaWikiJson(partner);
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return byteLength(text) + 2 * lines + 2;
}

/** A JSON part no longer in use: a valid directory document that lists nothing, the same on every run. */
export const retiredJsonPart = (): string => documentText(NEUTRAL_STAMP, [], [], []);

/** `<prefix>.json`, or when too large an index listing `<prefix>.json/1`, `/2`… of partners. */
export function renderJson(record: MirrorRecord, options: { title: string }, ctx: PageContext): MirrorPage[] {
  const { partners, affiliates } = publicDirectory(record);
  const merged = record.merged ?? {};
  if (byteLength(documentText(NEUTRAL_STAMP, partners, affiliates, [], merged)) <= ctx.limit - SIZE_MARGIN) {
    return [{ title: options.title, model: "json", text: documentText(ctx.stamp, partners, affiliates, [], merged) }];
  }
  const overhead = byteLength(documentText(NEUTRAL_STAMP, [], [], [])) + 64;
  const chunks = chunkBySize(partners, nestedSize, ctx.limit - SIZE_MARGIN - overhead, 0);
  const titles = chunks.map((_, i) => partTitle(options.title, i + 1));
  const pages: MirrorPage[] = chunks.map((chunk, i) => ({
    title: titles[i] as string,
    model: "json",
    text: documentText(ctx.stamp, chunk, [], []),
  }));
  pages.push({ title: options.title, model: "json", text: documentText(ctx.stamp, [], affiliates, titles, merged) });
  for (const page of pages) assertFits(page.title, page.text, ctx.limit);
  return pages;
}
