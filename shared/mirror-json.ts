/**
 * The mirror's JSON pages: the public directory that the gadget reads from the wiki itself
 * (same origin, no backend call). Stored on `<MIRROR_PAGE_PREFIX>.json` with content model JSON.
 *
 * When the directory is too large for one page, the index page lists its sub-pages in `parts`
 * (`<prefix>.json/1`, `/2`, …). Each part is itself a `MirrorDirectory` with `parts: []`; a reader
 * concatenates `partners` and `affiliates` of the index and of every part, in order.
 */
import { z } from "zod";
import { Affiliate, Partner } from "./schemas.ts";

export const MirrorDirectory = z
  .strictObject({
    generated: z.string().meta({ description: "ISO 8601 time of the record's newest event this page reflects" }),
    lastEvent: z.number().int().meta({ description: "the record's event sequence number this page reflects" }),
    partners: z.array(Partner),
    affiliates: z.array(Affiliate).meta({ description: "with verified representatives only" }),
    parts: z.array(z.string()).meta({ description: "titles of the sub-pages holding the rest, in order" }),
  })
  .meta({ id: "MirrorDirectory" });
export type MirrorDirectory = z.infer<typeof MirrorDirectory>;

/** The title of the JSON index page for a page prefix. */
export const mirrorJsonTitle = (prefix: string) => `${prefix}.json`;
