/**
 * The contract between the mirror (writer) and the gadget (reader) for the
 * public directory published as JSON on the wiki.
 *
 * The mirror writes the page `<MIRROR_PAGE_PREFIX>.json` (content model JSON).
 * When the directory is too large for one page (`$wgMaxArticleSize`), the
 * partners are split deterministically into `<prefix>.json/1`, `/2`, … — each a
 * `MirrorDirectory` holding its share of `partners` and an empty `parts` — and
 * the index page lists them in `parts`, with `partners` empty.
 * `affiliates` is always complete on the index page.
 */
import { z } from "zod";
import { Affiliate, Partner } from "./schemas.ts";

export const MirrorDirectory = z
  .object({
    /** When the mirror rendered this page (ISO 8601 UTC). */
    generated: z.string(),
    /** The last event (`seq`) that this page reflects. */
    lastEvent: z.number().int().min(0),
    /** Public fields only: exactly the backend's `Partner` shape. */
    partners: z.array(Partner),
    /** Affiliates with their verified representatives only. */
    affiliates: z.array(Affiliate),
    /** On a split index page: the part titles in order; otherwise empty. */
    parts: z.array(z.string()),
    /** Merged partner ids and the partner each now lives on (on the page with the affiliates). */
    merged: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "MirrorDirectory" });

export type MirrorDirectory = z.infer<typeof MirrorDirectory>;
