/**
 * What every mirrored wikitext page has in common: the generated-page notice (when it was
 * synced, how to change things) and a sortable table, split into numbered sub-pages with an
 * index when it would not fit on one page.
 */
import { escapeText, wikiLink } from "./escape.ts";
import { minute } from "./labels.ts";
import { assertFits, byteLength, chunkBySize, partTitle, SIZE_MARGIN } from "./split.ts";

/** One page as the mirror wants it on the wiki. */
export interface MirrorPage {
  title: string;
  model: "wikitext" | "json";
  text: string;
}

/** The record's state a page reflects: its newest event. The only time that appears on a page. */
export interface Stamp {
  event: number;
  at: string;
}

/** Renders the same length as a real stamp of a small record; used to hash pages without their stamp. */
export const NEUTRAL_STAMP: Stamp = { event: 0, at: "1970-01-01T00:00:00Z" };

/** Where the notice points readers: the page with the gadget, and the JSON for machines. */
export interface PageContext {
  stamp: Stamp;
  directoryTitle: string;
  jsonTitle: string;
  /** Bytes a page may have (`$wgMaxArticleSize`). */
  limit: number;
}

/** A table row; `label` names it in the index of a split page (e.g. the partner's name). */
export interface Row {
  text: string;
  label: string;
}

export interface TableDocument {
  title: string;
  /** Wikitext above the table on the main page only (e.g. the gadget's mount point). */
  top: string;
  /** Wikitext at the very end of the main page only (e.g. the category that loads the gadget). */
  bottom: string;
  /** `{| class="wikitable sortable"` and the header row. */
  tableHead: string;
  rows: Row[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
}

export function notice(ctx: PageContext, part?: { n: number; of: number; index: string }): string {
  const where = part ? ` This is part ${part.n} of ${part.of} of ${wikiLink(part.index, part.index)}.` : "";
  return [
    `<div class="partnerhub-mirror-notice" style="border:1px solid #a2a9b1;padding:0.5em 1em;margin-bottom:1em">`,
    `'''This page is generated''' from the Content Partnerships Hub's record and replaced at every sync: edits made here are not kept.${where}`,
    `Last synced with the record as of ${minute(ctx.stamp.at)} (event ${ctx.stamp.event}).`,
    `To refer a partner, to say "we can take this partner" or to change anything, use the hub app on ${wikiLink(ctx.directoryTitle, ctx.directoryTitle)} (it needs JavaScript and a Wikimedia account).`,
    `Machine-readable: ${wikiLink(ctx.jsonTitle, ctx.jsonTitle)}.`,
    `</div>`,
  ].join("\n");
}

const table = (head: string, rows: Row[]) => [head, ...rows.map((r) => r.text), "|}"].join("\n");

/**
 * The document as one page, or when it is too large as an index page plus numbered parts.
 * Where it splits depends only on the rows and the limit, never on the stamp.
 */
export function layoutTable(doc: TableDocument, ctx: PageContext): MirrorPage[] {
  const body = doc.rows.length === 0 ? doc.empty : table(doc.tableHead, doc.rows);
  const single = [notice(ctx), doc.top, body, doc.bottom].filter(Boolean).join("\n");
  const neutral = { ...ctx, stamp: NEUTRAL_STAMP };
  const singleNeutral = [notice(neutral), doc.top, body, doc.bottom].filter(Boolean).join("\n");
  if (byteLength(singleNeutral) <= ctx.limit - SIZE_MARGIN)
    return [{ title: doc.title, model: "wikitext", text: single }];

  const overhead = byteLength(notice(neutral, { n: 999, of: 999, index: doc.title })) + byteLength(doc.tableHead) + 8;
  const chunks = chunkBySize(doc.rows, (r) => byteLength(r.text), ctx.limit - SIZE_MARGIN - overhead);
  const parts: MirrorPage[] = chunks.map((rows, i) => ({
    title: partTitle(doc.title, i + 1),
    model: "wikitext",
    text: [notice(ctx, { n: i + 1, of: chunks.length, index: doc.title }), table(doc.tableHead, rows)].join("\n"),
  }));
  const list = chunks.map((rows, i) => {
    const first = rows[0]?.label ?? "";
    const last = rows[rows.length - 1]?.label ?? "";
    return `* ${wikiLink(partTitle(doc.title, i + 1), `Part ${i + 1}`)} (${rows.length}): ${escapeText(first)} – ${escapeText(last)}`;
  });
  const index: MirrorPage = {
    title: doc.title,
    model: "wikitext",
    text: [
      notice(ctx),
      doc.top,
      `This table is too large for one page; it is split into ${chunks.length} parts:`,
      ...list,
      doc.bottom,
    ]
      .filter(Boolean)
      .join("\n"),
  };
  const pages = [...parts, index];
  for (const page of pages) assertFits(page.title, page.text, ctx.limit);
  return pages;
}
