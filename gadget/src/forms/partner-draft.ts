/**
 * A partner being edited: its fields as typed (the referral form's draft plus links), what a
 * stored partner looks like as such a draft, and the `PATCH` body of the fields that changed.
 */
import type { PartnerDetail, PartnerPatch } from "../../../shared/schemas.ts";
import { referralPayload, type ReferralDraft } from "./referral-draft.ts";

export interface PartnerDraft extends ReferralDraft {
  /** One link per line: the address, a space, then its label. */
  links: string;
}

export const EDITABLE = [
  "name",
  "wikidata",
  "kind",
  "country",
  "languages",
  "offers",
  "projects",
  "funding",
  "summary",
  "asks",
  "links",
  "contact",
] as const;
export type EditableField = (typeof EDITABLE)[number];

export function draftFromPartner(p: PartnerDetail): PartnerDraft {
  return {
    name: p.name,
    wikidata: p.wikidata ?? "",
    website: p.website ?? "",
    kind: p.kind,
    country: p.country,
    languages: [...p.languages],
    offers: [...p.offers],
    projects: [...p.projects],
    funding: p.funding,
    summary: p.summary,
    asks: p.asks.join("\n"),
    links: p.links.map((l) => `${l.url} ${l.label}`).join("\n"),
    contactName: p.contact?.name ?? "",
    contactEmail: p.contact?.email ?? "",
    contactNotes: p.contact?.notes ?? "",
  };
}

/** Every editable field of a draft, as the API would take it. */
export function editPayload(d: PartnerDraft): Record<EditableField, unknown> {
  const base = referralPayload(d);
  const links = d.links
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [url = "", ...label] = l.split(/\s+/);
      return { url, label: label.join(" ") || url };
    });
  return {
    ...(base as Record<Exclude<EditableField, "links" | "contact">, unknown>),
    links,
    contact: { name: d.contactName, email: d.contactEmail.trim(), notes: d.contactNotes },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields where `a` and `b` differ. */
export function changedFields(a: PartnerDraft, b: PartnerDraft): EditableField[] {
  const pa = editPayload(a);
  const pb = editPayload(b);
  return EDITABLE.filter((f) => !same(pa[f], pb[f]));
}

/** The `PATCH` body: only the fields the user changed from `base`. */
export function patchFor(base: PartnerDraft, draft: PartnerDraft, hasContact: boolean): PartnerPatch {
  const payload = editPayload(draft);
  const out: Record<string, unknown> = {};
  for (const f of changedFields(base, draft)) if (f !== "contact" || hasContact) out[f] = payload[f];
  return out as PartnerPatch;
}

/**
 * After a 412: keep the user's changes, take everyone else's. `base` is what the user started
 * from, `theirs` what is stored now. Fields both changed differently are the conflicts.
 */
export function rebase(
  base: PartnerDraft,
  mine: PartnerDraft,
  theirs: PartnerDraft,
): { merged: PartnerDraft; conflicts: EditableField[] } {
  const mineChanged = new Set(changedFields(base, mine));
  const theirsChanged = new Set(changedFields(base, theirs));
  const conflicts = EDITABLE.filter(
    (f) => mineChanged.has(f) && theirsChanged.has(f) && changedFields(mine, theirs).includes(f),
  );
  let merged: PartnerDraft = { ...theirs };
  for (const f of mineChanged) merged = withField(merged, mine, f);
  return { merged, conflicts };
}

const KEYS: Record<EditableField, Array<keyof PartnerDraft>> = {
  name: ["name"],
  wikidata: ["wikidata"],
  kind: ["kind"],
  country: ["country"],
  languages: ["languages"],
  offers: ["offers"],
  projects: ["projects"],
  funding: ["funding"],
  summary: ["summary"],
  asks: ["asks"],
  links: ["links"],
  contact: ["contactName", "contactEmail", "contactNotes"],
};

/** `draft` with field `f` (all the inputs it is typed in) taken from `from`. */
export function withField(draft: PartnerDraft, from: PartnerDraft, f: EditableField): PartnerDraft {
  const out = { ...draft } as Record<keyof PartnerDraft, unknown>;
  for (const k of KEYS[f]) out[k] = from[k];
  return out as unknown as PartnerDraft;
}
