/** The directory's view state, and its round trip through the URL fragment (shareable links). */
import { PARTNER_SORTS, type PartnerSort } from "../../../shared/directory-search.ts";

/** `lead`: the affiliate leading; `affiliate`: any affiliate interested or leading; `stale`: a stale lead. */
export const FACETS = [
  "kind",
  "country",
  "language",
  "offer",
  "funding",
  "status",
  "lead",
  "affiliate",
  "stale",
] as const;
export type Facet = (typeof FACETS)[number];

export type View =
  | "directory"
  | "partner"
  | "refer"
  | "review"
  | "mine"
  | "foryou"
  | "notifications"
  | "claims"
  | "representatives"
  | "admin"
  | "edit"
  | "import";
const VIEWS: readonly View[] = [
  "directory",
  "partner",
  "refer",
  "review",
  "mine",
  "foryou",
  "notifications",
  "claims",
  "representatives",
  "admin",
  "edit",
  "import",
];
/** Views about one partner: the fragment names it with `p=`. */
const PARTNER_VIEWS: readonly View[] = ["partner", "edit"];
export const SORTS: readonly PartnerSort[] = ["name", "-updated", "-created", "country"];

export interface DirectoryQuery {
  q: string;
  facets: Record<Facet, string[]>;
  sort: PartnerSort;
}

export interface Route {
  view: View;
  /** The partner shown in the partner view. */
  partner: string | null;
  query: DirectoryQuery;
}

export const emptyFacets = (): Record<Facet, string[]> => ({
  kind: [],
  country: [],
  language: [],
  offer: [],
  funding: [],
  status: [],
  lead: [],
  affiliate: [],
  stale: [],
});

export const emptyQuery = (): DirectoryQuery => ({ q: "", facets: emptyFacets(), sort: "name" });

/** `#view=partner&p=some-id&q=museum&kind=museum,library&sort=-updated` → Route. */
export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const facets = emptyFacets();
  for (const f of FACETS) facets[f] = (params.get(f) ?? "").split(",").filter(Boolean);
  const sort = params.get("sort") as PartnerSort | null;
  const partner = params.get("p");
  const view = (params.get("view") ?? (partner ? "partner" : "directory")) as View;
  return {
    view: VIEWS.includes(view) ? view : "directory",
    partner,
    query: { q: params.get("q") ?? "", facets, sort: sort && PARTNER_SORTS.includes(sort) ? sort : "name" },
  };
}

export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  if (route.view !== "directory" && route.view !== "partner") params.set("view", route.view);
  if (PARTNER_VIEWS.includes(route.view) && route.partner) params.set("p", route.partner);
  if (route.query.q) params.set("q", route.query.q);
  for (const f of FACETS) if (route.query.facets[f].length) params.set(f, route.query.facets[f].join(","));
  if (route.query.sort !== "name") params.set("sort", route.query.sort);
  const s = params.toString().replace(/%2C/g, ",");
  return s ? `#${s}` : "#";
}
