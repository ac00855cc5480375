/**
 * The notification run, after each mirror run: scan the event log into the outbox (who hears of
 * what), then post at most one section per recipient whose digest is due, on their user talk
 * page. The cursor of a recipient moves only when their section is on the wiki (or they chose
 * not to get it), so a failed edit is retried next run; the marker in each section lets a rerun
 * see an edit whose answer was lost, so nothing is sent twice.
 */
import { DEFAULT_NOTIFICATION_MODE, digestDue } from "../../shared/notifications.ts";
import type { Config } from "../config.ts";
import type { MediaWikiClient } from "../mediawiki/client.ts";
import { MediaWikiError } from "../mediawiki/errors.ts";
import { type MirrorJobDeps, type MirrorJobOptions, mirrorClient, stopsRun } from "../mirror/job.ts";
import { everyAffiliate, storedCoordinators, toAffiliates } from "../storage/affiliates.ts";
import { everyClaim } from "../storage/claims.ts";
import { readAll, type SqlDatabase } from "../storage/db.ts";
import { latestEventSeq, listEvents } from "../storage/events.ts";
import {
  countNoticesAfter,
  type DeliveryOutcome,
  noticeScanCursor,
  noticesFor,
  type NoticeRow,
  type PendingRecipient,
  pendingRecipients,
  recordDelivery,
  saveNotices,
  verifiedRepresentatives,
} from "../storage/notifications.ts";
import { everyPartner, toPartner } from "../storage/partners.ts";
import { botExclusion } from "./exclusion.ts";
import { type RecipientContext, recipientsOf } from "./recipients.ts";
import { deliveredOnPage, MAX_LINES, type RenderContext, renderSection } from "./render.ts";
import { postSection, readTalkPages, type TalkPage } from "./talk-pages.ts";

export type NotifyDeps = MirrorJobDeps;
export type NotifyOptions = MirrorJobOptions;

export interface NotifyRunResult {
  /** Outbox rows the scan added. */
  scanned: number;
  posted: Array<{ user: string; revid: number; events: number }>;
  skipped: Array<{ user: string; reason: string }>;
  failed: Array<{ user: string; code: string; message: string }>;
  /** Recipients with notices whose digest is not due yet. */
  waiting: string[];
}

const EVENT_PAGE = 1000;

/** The record around the events, as the recipients rules read it. */
export async function recipientContext(db: SqlDatabase, config: Config): Promise<RecipientContext & RenderContext> {
  // One round trip for the record around the events.
  const [stored, reps, claims, partnerRows, affiliateRows] = await readAll(db, [
    storedCoordinators(db),
    verifiedRepresentatives(db),
    everyClaim(db),
    everyPartner(db),
    everyAffiliate(db),
  ]);
  const partners = new Map(partnerRows.map((row) => [row.id, toPartner(row)]));
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const talking = new Map<string, string[]>();
  for (const c of claims)
    if (c.status === "interested" || c.status === "lead")
      talking.set(c.partner_id, [...(talking.get(c.partner_id) ?? []), c.affiliate_id]);
  const affiliates = toAffiliates(affiliateRows);
  const affiliateNames = new Map(affiliates.map((a) => [a.id, a.name]));
  return {
    coordinators: [...new Set([...config.coordinators, ...stored])],
    representatives: (affiliate) => reps.get(affiliate) ?? [],
    claim(id) {
      const c = claimById.get(id);
      return c ? { claimedBy: c.claimed_by, affiliate: c.affiliate_id, message: c.message } : null;
    },
    partner(id) {
      const p = partners.get(id);
      return p ? { country: p.country, languages: p.languages, offers: p.offers, referredBy: p.referredBy.user } : null;
    },
    affiliates,
    talkingTo: (partner) => talking.get(partner) ?? [],
    directoryTitle: config.mirror.pagePrefix,
    partnerName: (id) => partners.get(id)?.name ?? null,
    affiliateName: (id) => affiliateNames.get(id) ?? null,
  };
}

/**
 * Reads the events the outbox has not seen into notices; returns how many it added. `known`: the
 * scan cursor and the latest event, where the caller read them already.
 */
export async function scanEvents(
  db: SqlDatabase,
  config: Config,
  known?: { scanned: number; latest: number },
): Promise<number> {
  let after = known?.scanned ?? (await noticeScanCursor(db));
  const target = known?.latest ?? (await latestEventSeq(db));
  if (after >= target) return 0;
  const ctx = await recipientContext(db, config);
  let added = 0;
  while (after < target) {
    const events = await listEvents(db, after, EVENT_PAGE);
    if (events.length === 0) break;
    const rows: NoticeRow[] = events.flatMap((e) =>
      recipientsOf(e, ctx).map((r) => ({ recipient: r.user, seq: e.seq, reason: r.reason, talk: r.talk })),
    );
    after = events[events.length - 1]!.seq;
    await saveNotices(db, rows, after);
    added += rows.length;
  }
  return added;
}

/** Whose sections are due now: the rest wait for their digest, or chose none. */
export function planDeliveries(pending: readonly PendingRecipient[], now: Date) {
  const due: PendingRecipient[] = [];
  const none: PendingRecipient[] = [];
  const waiting: PendingRecipient[] = [];
  for (const p of pending) {
    const mode = p.mode ?? DEFAULT_NOTIFICATION_MODE;
    if (mode === "none") none.push(p);
    else if (digestDue(mode, p.lastSentAt, now)) due.push(p);
    else waiting.push(p);
  }
  return { due, none, waiting };
}

function describe(error: unknown): { code: string; message: string } {
  const code = error instanceof MediaWikiError ? error.code : "internal";
  return { code, message: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
}

/** One notification run. Never throws for wiki trouble: outcomes are recorded for `/notifications/status`. */
export async function runNotifyJob(deps: NotifyDeps, options: NotifyOptions = {}): Promise<NotifyRunResult> {
  const { db, config } = deps;
  const now = deps.now();
  const at = now.toISOString();
  const result: NotifyRunResult = { scanned: 0, posted: [], skipped: [], failed: [], waiting: [] };
  result.scanned = await scanEvents(db, config);

  const plan = planDeliveries(await pendingRecipients(db), now);
  result.waiting = plan.waiting.map((p) => p.recipient);
  for (const p of plan.none) {
    await recordDelivery(db, {
      recipient: p.recipient,
      state: "skipped",
      detail: "preference_none",
      at,
      deliveredSeq: p.upTo,
    });
    result.skipped.push({ user: p.recipient, reason: "preference_none" });
  }
  if (plan.due.length === 0) return result;

  const fail = async (p: PendingRecipient, error: unknown) => {
    const { code, message } = describe(error);
    await recordDelivery(db, {
      recipient: p.recipient,
      state: "failed",
      detail: `${code}: ${message}`,
      at,
      deliveredSeq: null,
    });
    result.failed.push({ user: p.recipient, code, message });
  };
  let client: MediaWikiClient;
  let bot: string;
  let pages: Map<string, TalkPage>;
  try {
    client = options.client ?? mirrorClient(config, options.clientOptions);
    bot = await client.userName();
    pages = await readTalkPages(
      client,
      plan.due.map((p) => p.recipient),
    );
  } catch (error) {
    for (const p of plan.due) await fail(p, error);
    return result;
  }
  const ctx = await recipientContext(db, config);

  for (const [i, p] of plan.due.entries()) {
    let page = pages.get(p.recipient)!;
    const outcome = (o: Omit<DeliveryOutcome, "recipient" | "at">) =>
      recordDelivery(db, { recipient: p.recipient, at, ...o });
    const exclusion = page.optedOut ? "opted_out_category" : botExclusion(page.text, bot);
    if (exclusion) {
      await outcome({ state: "skipped", detail: exclusion, deliveredSeq: p.upTo });
      result.skipped.push({ user: p.recipient, reason: exclusion });
      continue;
    }
    try {
      // A section an earlier run posted without hearing back: its events count as delivered.
      let from = Math.max(p.deliveredSeq, deliveredOnPage(page.text));
      const notices = await noticesFor(db, p.recipient, {
        after: from,
        upTo: p.upTo,
        talkOnly: true,
        limit: MAX_LINES,
      });
      if (notices.length === 0) {
        await outcome({ state: "sent", detail: "found_on_page", deliveredSeq: from });
        continue;
      }
      const more =
        notices.length < MAX_LINES ? 0 : (await countNoticesAfter(db, p.recipient, from, true)) - notices.length;
      // The marker covers everything up to the new cursor, the counted rest included.
      const section = renderSection(
        notices.map((n) => n.event),
        ctx,
        now,
        { more, upTo: p.upTo },
      );
      let revid: number;
      try {
        revid = await postSection(client, page, section);
      } catch (error) {
        // The page changed since it was read (or was created or deleted): read it again and try once more.
        if (
          !(error instanceof MediaWikiError) ||
          !["editconflict", "articleexists", "missingtitle"].includes(error.code)
        )
          throw error;
        page = (await readTalkPages(client, [p.recipient])).get(p.recipient)!;
        from = Math.max(from, deliveredOnPage(page.text));
        if (from >= p.upTo) {
          await outcome({ state: "sent", detail: "found_on_page", deliveredSeq: from });
          continue;
        }
        revid = await postSection(client, page, section);
      }
      await outcome({ state: "sent", detail: "", deliveredSeq: p.upTo, revid, posted: true });
      result.posted.push({ user: p.recipient, revid, events: notices.length });
    } catch (error) {
      await fail(p, error);
      if (stopsRun(error)) {
        // The wiki or the session is gone for now: the others stay pending and the next run tries them.
        for (const rest of plan.due.slice(i + 1)) await fail(rest, error);
        break;
      }
    }
  }
  return result;
}
