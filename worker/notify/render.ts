/**
 * The talk-page section a recipient gets: a dated heading, one line per thing that happened with
 * a link to the partner in the gadget, a line on how to change or stop these notices, a signature.
 * Pure wikitext rendering; every string a person typed goes through the mirror's escaping, and
 * user names are never linked (a link to a user page would notify that user through Echo).
 */
import type { Event } from "../../shared/schemas.ts";
import { escapeText, isSafeLinkTarget } from "../mirror/escape.ts";

/** Names and texts the lines need, looked up by the job. */
export interface RenderContext {
  /** The gadget's page: `Content Partnerships Hub/Directory`. */
  directoryTitle: string;
  partnerName(id: string): string | null;
  affiliateName(id: string): string | null;
  claim(id: number): { affiliate: string; message: string } | null;
}

/** The comment that says which events a section covers: a rerun after a lost answer finds it and sends nothing twice. */
export const noticeMarker = (upTo: number) => `<!-- partnerhub-notice:upto=${upTo} -->`;

/** The highest event a talk page's sections already cover, from their markers. */
export function deliveredOnPage(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/<!-- partnerhub-notice:upto=(\d+) -->/g)) max = Math.max(max, Number(m[1]));
  return max;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** `[[:Directory#p=id|name]]`, or the escaped name where no safe link can be made. */
export function partnerLink(ctx: RenderContext, id: string | null): string {
  if (!id) return "a partner";
  const label = escapeText(ctx.partnerName(id) ?? id);
  if (!SLUG.test(id) || !isSafeLinkTarget(ctx.directoryTitle)) return label;
  return `[[:${ctx.directoryTitle}#p=${id}|${label}]]`;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
const quoted = (label: string, v: unknown) => (text(v).trim() ? ` ${label}: “${escapeText(text(v).trim())}”` : "");

/** One line of wikitext (without the list bullet) about one event. */
export function noticeLine(event: Event, ctx: RenderContext): string {
  const partner = partnerLink(ctx, event.partner);
  const affiliateOf = (id: string | null | undefined) =>
    escapeText(id ? (ctx.affiliateName(id) ?? id) : "an affiliate");
  const affiliate = affiliateOf(event.affiliate);
  const actor = escapeText(event.actor);
  const d = event.data;
  switch (event.type) {
    case "claim.created": {
      const claim = event.claim === null ? null : ctx.claim(event.claim);
      return `${partner}: ${actor} says that ${affiliate} can take this partner.${quoted("Message", claim?.message)}`;
    }
    case "claim.accepted":
      return `${partner}: ${actor} accepted the claim of ${affiliate}, which now leads this partner.`;
    case "claim.declined":
      return `${partner}: ${actor} declined the claim of ${affiliate}.${quoted("Reason", d.reason)}`;
    case "claim.released":
      return d.reason === "stale"
        ? `${partner}: the lead of ${affiliate} was released after it stayed stale; the partner is open again.`
        : `${partner}: ${actor} released the lead of ${affiliate}; the partner is open again.${quoted("Reason", d.reason)}`;
    case "claim.completed":
      return `${partner}: ${actor} marked the partnership with ${affiliate} as completed.`;
    case "claim.handed_over":
      return `${partner}: ${actor} handed this partner over from ${affiliate} to ${affiliateOf(text(d.toAffiliate))}.${quoted("Reason", d.reason)}`;
    case "claim.stale_warning":
      return d.step === "release"
        ? `${partner}: the lead of ${affiliate} is stale and will be released on ${text(d.due)} unless progress is recorded.`
        : `${partner}: the lead of ${affiliate} has no recorded progress since ${text(d.since).slice(0, 10)}; it will be marked stale on ${text(d.due)} unless progress is recorded.`;
    case "partner.referred":
      return `${partner}: ${actor} referred this new partner.`;
    case "representative.requested":
      return `${actor} asked to represent ${affiliate}.`;
    case "representative.verified":
      return `${actor} verified ${escapeText(text(d.user))} as a representative of ${affiliate}.`;
    case "representative.removed":
      return `${actor} removed ${escapeText(text(d.user))} as a representative of ${affiliate}.`;
    default:
      return `${partner}: ${escapeText(event.type)} by ${actor}.`;
  }
}

/** "1 December 2026", in UTC: the heading of a section. */
export function sectionDate(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    at,
  );
}

export interface Section {
  title: string;
  text: string;
  summary: string;
}

/** Lines in one section at most: a longer digest names the rest by number (the gadget's "For you" lists them all). */
export const MAX_LINES = 100;

/**
 * The whole section for one recipient: `events` oldest first, all after their cursor; `more`
 * events beyond those given up to `upTo` are counted, not listed.
 */
export function renderSection(
  events: readonly Event[],
  ctx: RenderContext,
  at: Date,
  { more = 0, upTo = 0 }: { more?: number; upTo?: number } = {},
): Section {
  const lines = events.slice(0, MAX_LINES).map((e) => `* ${noticeLine(e, ctx)}`);
  const rest = more + Math.max(0, events.length - MAX_LINES);
  if (rest > 0) lines.push(`* … and ${rest === 1 ? "1 more thing" : `${rest} more things`}: see "For you" in the hub.`);
  const last = events.reduce((max, e) => Math.max(max, e.seq), upTo);
  const settings = isSafeLinkTarget(ctx.directoryTitle)
    ? `[[:${ctx.directoryTitle}#view=notifications|the hub's notification settings]]`
    : "the hub's notification settings";
  const n = events.length + more;
  return {
    title: `Content Partnerships Hub: ${sectionDate(at)}`,
    text: [
      `What happened in the Content Partnerships Hub that concerns you:`,
      ...lines,
      `You can change how often these notices come, or stop them, in ${settings}. ${noticeMarker(last)}~~~~`,
    ].join("\n"),
    summary: `Content Partnerships Hub: ${n === 1 ? "1 update" : `${n} updates`}`,
  };
}
