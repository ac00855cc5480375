/** English labels for the record's vocabularies on the mirrored pages; unknown values are shown escaped. */
import { escapeText } from "./escape.ts";

const LABELS: Record<string, string> = {
  // partner kinds
  museum: "Museum",
  library: "Library",
  archive: "Archive",
  university: "University",
  society: "Society",
  company: "Company",
  government: "Government",
  // offers
  images: "Images",
  data: "Data",
  text: "Text",
  training: "Staff training",
  course: "Course",
  editathon: "Edit-a-thon",
  residency: "Wikimedian in residence",
  other: "Other",
  // funding
  can_pay: "Can pay",
  has_grant: "Has a grant",
  seeking_funding: "Seeking funding",
  none: "None",
  // partner statuses
  open: "Open",
  matched: "Matched",
  done: "Done",
  closed: "Closed",
  // claim statuses
  interested: "Interested",
  lead: "Lead",
  completed: "Completed",
  withdrawn: "Withdrawn",
  declined: "Declined",
  released: "Released",
  // stages
  contacted: "Contacted",
  agreement: "Agreement",
  delivering: "Delivering",
};

/** The label of a vocabulary value, as wikitext. */
export function label(value: string): string {
  return Object.hasOwn(LABELS, value) ? (LABELS[value] as string) : escapeText(value);
}

/** The date part of an ISO timestamp (`2026-11-26`), or an em dash. */
export function day(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : "—";
}

/** `2026-11-26 09:11 UTC` from an ISO timestamp. */
export function minute(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : escapeText(iso);
}
