/** The refer form's fields as typed, and the request body they become. */
export interface ReferralDraft {
  name: string;
  wikidata: string;
  website: string;
  kind: string;
  /** ISO 3166-1 alpha-2, or "" until a country is chosen from the picker. */
  country: string;
  /** BCP 47 tags chosen in the picker. */
  languages: string[];
  offers: string[];
  projects: string[];
  funding: string;
  summary: string;
  asks: string;
  contactName: string;
  contactEmail: string;
  contactNotes: string;
}

export const emptyReferral = (): ReferralDraft => ({
  name: "",
  wikidata: "",
  website: "",
  kind: "museum",
  country: "",
  languages: [],
  offers: [],
  projects: [],
  funding: "none",
  summary: "",
  asks: "",
  contactName: "",
  contactEmail: "",
  contactNotes: "",
});

const list = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((v) => v.trim())
    .filter(Boolean);

/** The `POST /partners` body; validation is the schema's job, not this function's. */
export function referralPayload(d: ReferralDraft): Record<string, unknown> {
  const hasContact = Boolean(d.contactName.trim() || d.contactEmail.trim() || d.contactNotes.trim());
  return {
    name: d.name,
    wikidata: d.wikidata.trim() || null,
    website: d.website.trim() || null,
    kind: d.kind,
    country: d.country,
    languages: d.languages,
    offers: d.offers,
    projects: d.projects,
    funding: d.funding,
    summary: d.summary,
    asks: list(d.asks, /\n/),
    ...(hasContact ? { contact: { name: d.contactName, email: d.contactEmail.trim(), notes: d.contactNotes } } : {}),
  };
}
