/** The partner fields an import can fill, in a module of their own so that the gadget bundles only these. */
export const IMPORT_FIELDS = [
  "name",
  "wikidata",
  "website",
  "kind",
  "country",
  "languages",
  "offers",
  "projects",
  "funding",
  "summary",
  "asks",
  "contactName",
  "contactEmail",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
