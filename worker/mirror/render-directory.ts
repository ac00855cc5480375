/** The directory page: a sortable wikitable of partners, the gadget's mount point and its category. */
import type { Affiliate, Partner } from "../../shared/schemas.ts";
import { countryNames } from "../../shared/countries.ts";
import { escapeText, wikiLink } from "./escape.ts";
import { day, headerRow, label, message } from "./labels.ts";
import { layoutTable, type MirrorPage, type PageContext, type Row } from "./layout.ts";
import { partnerOrder, type MirrorRecord } from "./record.ts";

/** What the gadget is told through its mount point: where the backend is, its OAuth client id, Wikidata's API. */
export interface GadgetSettings {
  backendUrl: string | null;
  oauthClientId: string | null;
  wikidataApi?: string | null;
}

const attribute = (name: string, value: string | null) =>
  value === null
    ? ""
    : ` ${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`;

/** Where the gadget mounts: readers with JavaScript get the app in place of the table. */
export function mountPoint(gadget: GadgetSettings): string {
  return `<div id="partnerhub-app"${attribute("data-backend", gadget.backendUrl)}${attribute("data-oauth-client-id", gadget.oauthClientId)}${attribute("data-wikidata-api", gadget.wikidataApi ?? null)}></div>`;
}

const HEAD = [
  `{| class="wikitable sortable partnerhub-directory"`,
  headerRow([
    "partnerhub-mirror-column-partner",
    "partnerhub-mirror-column-kind",
    "partnerhub-mirror-column-country",
    "partnerhub-mirror-column-offers",
    "partnerhub-mirror-column-funding",
    "partnerhub-mirror-column-status",
    "partnerhub-mirror-column-lead",
    "partnerhub-mirror-column-interested",
    "partnerhub-mirror-column-since",
  ]),
].join("\n");

/** A link to the affiliate's wiki page, or its id when the record no longer knows it. */
export function affiliateLink(id: string, affiliates: ReadonlyMap<string, Affiliate>): string {
  const a = affiliates.get(id);
  return a ? wikiLink(a.wikiPage, a.name) : escapeText(id);
}

/** The mirror writes in the wiki's content language, English on Meta-Wiki: country names as the gadget shows them. */
const countryName = countryNames("en");

function partnerCell(p: Partner): string {
  const wikidata =
    p.wikidata && /^Q[1-9]\d{0,11}$/.test(p.wikidata)
      ? ` ([https://www.wikidata.org/wiki/${p.wikidata} ${p.wikidata}])`
      : "";
  return escapeText(p.name) + wikidata;
}

function partnerRow(p: Partner, affiliates: ReadonlyMap<string, Affiliate>): Row {
  const lead = p.lead ? affiliateLink(p.lead.affiliate, affiliates) : "—";
  const others = p.interested.filter((a) => a !== p.lead?.affiliate).map((a) => affiliateLink(a, affiliates));
  // The anchor, and the id for the gadget, which takes the rendered rows over in place (MediaWiki's
  // sanitizer keeps `data-` attributes on table rows). Slugs only: nothing else reaches an attribute.
  const anchor = /^[a-z0-9-]+$/.test(p.id) ? ` id="partner-${p.id}" data-partner="${p.id}"` : "";
  const cells = [
    partnerCell(p),
    label("kind", p.kind),
    escapeText(countryName(p.country)),
    p.offers.map((o) => label("offer", o)).join(", "),
    label("funding", p.funding),
    label("status", p.status),
    lead,
    others.length > 0 ? others.join(", ") : "—",
    day(p.createdAt),
  ];
  // One cell per line: no user text ever shares a line with table syntax.
  return { label: p.name, text: [`|-${anchor}`, ...cells.map((c) => `| ${c}`)].join("\n") };
}

export interface DirectoryOptions {
  title: string;
  /** The category whose pages load the gadget, without `Category:`. */
  category: string;
  gadget: GadgetSettings;
}

/** The directory page (or its index and parts when too large). Pure: the same record gives the same bytes. */
export function renderDirectory(record: MirrorRecord, options: DirectoryOptions, ctx: PageContext): MirrorPage[] {
  const affiliates = new Map(record.affiliates.map((a) => [a.id, a]));
  const rows = [...record.partners].sort(partnerOrder).map((p) => partnerRow(p, affiliates));
  return layoutTable(
    {
      title: options.title,
      top: mountPoint(options.gadget),
      bottom: `[[Category:${options.category}]]`,
      tableHead: HEAD,
      rows,
      empty: message("partnerhub-mirror-directory-empty"),
    },
    ctx,
  );
}
