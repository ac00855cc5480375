/**
 * The mirror run: render the record, edit only the pages whose content changed (at most once
 * per page per run), never clobber a person's edit silently, and move `last_event` only when
 * everything is on the wiki. A failed run loses nothing: the next one renders the whole record
 * again and summarises every event since the last complete sync.
 */
import type { Config } from "../config.ts";
import {
  createMediaWikiClient,
  type MediaWikiClient,
  type MediaWikiClientOptions,
  type MediaWikiCredentials,
} from "../mediawiki/client.ts";
import { isSessionLoss, isTransient, MediaWikiError } from "../mediawiki/errors.ts";
import { editPage, latestRevisions, maxArticleBytes, revisionById, type Revision } from "../mediawiki/pages.ts";
import type { MirrorRunner } from "./runner.ts";
import { listAffiliates } from "../storage/affiliates.ts";
import { allClaims, toClaim } from "../storage/claims.ts";
import type { SqlDatabase } from "../storage/db.ts";
import { handovers, latestEventSeq, listEvents } from "../storage/events.ts";
import { mergedPartners } from "../storage/intake.ts";
import {
  finishMirrorRun,
  mirrorBookkeeping,
  saveMirrorPage,
  savePageBytesLimit,
  type MirrorBookkeeping,
  type MirrorRunError,
} from "../storage/mirror.ts";
import { allPartners, toPartner } from "../storage/partners.ts";
import { userAgent } from "../user-agent.ts";
import { renderDocuments, retiredParts } from "./documents.ts";
import { MirrorError } from "./errors.ts";
import { NEUTRAL_STAMP, type MirrorPage, type Stamp } from "./layout.ts";
import type { ClaimOutcome, MirrorRecord } from "./record.ts";
import { byteLength } from "./split.ts";
import { ChangeCounter, editSummary, type ReplacedEdit } from "./summary.ts";

export interface MirrorJobDeps {
  db: SqlDatabase;
  config: Config;
  now: () => Date;
}

export interface MirrorJobOptions {
  /** A ready client (tests observe or break its session); default: one from the configuration. */
  client?: MediaWikiClient;
  /** Passed to the default client: `fetch`, `sleep`, retries. */
  clientOptions?: Partial<MediaWikiClientOptions>;
}

export interface MirrorRunResult {
  ok: boolean;
  /** The event the wiki reflects after this run. */
  lastEvent: number;
  /** Pages saved with a new revision. */
  edited: string[];
  /** Pages saved over a person's edit. */
  overwrote: string[];
  errors: MirrorRunError[];
}

const EVENT_PAGE = 1000;

/** The public record, through the storage layer's mappers: no private field can reach a page. */
export async function loadMirrorRecord(db: SqlDatabase): Promise<MirrorRecord> {
  const [partners, claims, affiliates, handedOver, merged] = await Promise.all([
    allPartners(db),
    allClaims(db),
    listAffiliates(db),
    handovers(db),
    mergedPartners(db),
  ]);
  const outcomes = new Map<number, ClaimOutcome>();
  for (const c of claims) {
    const reason = c.closed_reason && c.closed_reason !== "stale" ? c.closed_reason : "";
    const to = handedOver.get(c.id) ?? null;
    if (reason || to) outcomes.set(c.id, { reason, handedOverTo: to });
  }
  return { partners: partners.map(toPartner), claims: claims.map(toClaim), affiliates, outcomes, merged };
}

export function mirrorCredentials(config: Config): MediaWikiCredentials {
  const { oauthToken, botUsername, botPassword } = config.mirror;
  if (oauthToken) return { oauthToken };
  if (botUsername && botPassword) return { botUsername, botPassword };
  throw new MirrorError("not_configured", "set MIRROR_OAUTH_TOKEN or MIRROR_BOT_USERNAME and MIRROR_BOT_PASSWORD");
}

/** The bot's client, as configured: the mirror and the notices share it. */
export function mirrorClient(config: Config, clientOptions: Partial<MediaWikiClientOptions> = {}): MediaWikiClient {
  return createMediaWikiClient({
    apiUrl: `${config.wikiScriptUrl}/api.php`,
    userAgent: userAgent(config.version),
    credentials: mirrorCredentials(config),
    ...clientOptions,
  });
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Counts the events after `after` up to `target`, a page at a time. */
async function changesSince(db: SqlDatabase, after: number, target: number): Promise<string> {
  const counter = new ChangeCounter();
  for (let from = after; from < target; ) {
    const events = (await listEvents(db, from, EVENT_PAGE)).filter((e) => e.seq <= target);
    if (events.length === 0) break;
    counter.add(events);
    from = events[events.length - 1]!.seq;
  }
  return counter.describe();
}

async function stampOf(db: SqlDatabase, target: number): Promise<Stamp> {
  if (target === 0) return NEUTRAL_STAMP;
  const [event] = await listEvents(db, target - 1, 1);
  return { event: target, at: event?.at ?? NEUTRAL_STAMP.at };
}

function runError(at: string, error: unknown, title?: string): MirrorRunError {
  const code = error instanceof MediaWikiError || error instanceof MirrorError ? error.code : "internal";
  const text = error instanceof Error ? error.message : String(error);
  return { at, code, message: (title ? `${title}: ${text}` : text).slice(0, 500) };
}

/** Errors that say the wiki or the session is unusable right now: the rest of the run would fail alike. */
export const stopsRun = (error: unknown) =>
  !(error instanceof MediaWikiError) ||
  isTransient(error) ||
  isSessionLoss(error) ||
  error.code === "login-failed" ||
  error.code === "badtoken";

interface PageSync {
  client: MediaWikiClient;
  db: SqlDatabase;
  bot: string;
  at: string;
  changes: string;
  book: MirrorBookkeeping;
  current: Map<string, Revision | null>;
}

/** Bookkeeping's mark for a page whose last save MediaWiki merged with a person's edit. */
const MERGED = "merged:";
const mergeMark = (edit: ReplacedEdit | null) => `${MERGED}${edit ? `${edit.revid}:${edit.user}` : "0:"}`;
function mergedEdit(hash: string | null | undefined): ReplacedEdit | null {
  const m = hash?.startsWith(MERGED) ? /^merged:(\d+):(.*)$/s.exec(hash) : null;
  return m && m[1] !== "0" ? { revid: Number(m[1]), user: m[2]! } : null;
}

/**
 * Saves one page if its content or the wiki's page differs from what the mirror last saved.
 * Returns whether it made a new revision, whether that replaced a person's edit, and whether
 * MediaWiki merged a person's edit into it (which the next run replaces: one edit per page per run).
 */
async function syncPage(
  s: PageSync,
  page: MirrorPage,
  hash: string,
): Promise<{ edited: boolean; overwrote: boolean; merged: boolean }> {
  const stored = s.book.pages.get(page.title);
  let wiki = s.current.get(page.title) ?? null;
  const ours = wiki !== null && stored?.revid === wiki.revid;
  if (ours && stored?.contentHash === hash) return { edited: false, overwrote: false, merged: false };

  const replacedBy = (rev: Revision | null): ReplacedEdit | null =>
    rev && rev.user !== s.bot && rev.revid !== stored?.revid ? { user: rev.user, revid: rev.revid } : null;
  // A person's edit merged into the last run's save is replaced now, and the summary says whose.
  let replaced = replacedBy(wiki) ?? (ours ? mergedEdit(stored?.contentHash) : null);
  const edit = () =>
    editPage(s.client, {
      title: page.title,
      text: page.text,
      summary: editSummary(s.changes, replaced),
      contentModel: page.model,
      baserevid: wiki?.revid ?? null,
    });
  let result: Awaited<ReturnType<typeof edit>>;
  try {
    result = await edit();
  } catch (error) {
    // Someone saved, created or deleted the page since we looked: look again and replace it, once.
    if (!(error instanceof MediaWikiError) || !["editconflict", "articleexists", "missingtitle"].includes(error.code))
      throw error;
    wiki = (await latestRevisions(s.client, [page.title])).get(page.title) ?? null;
    replaced = replacedBy(wiki) ?? replaced;
    result = await edit();
  }
  if (wiki && !result.nochange && result.parent !== null && result.parent !== wiki.revid) {
    // A person saved in between without overlapping us, and MediaWiki merged their change into
    // ours. The page must show the record only, but a page is edited at most once per run: the
    // mark makes the next run replace the merge and name the person.
    const between = await revisionById(s.client, result.parent);
    const person = between && between.user !== s.bot ? { user: between.user, revid: between.revid } : null;
    await saveMirrorPage(s.db, {
      title: page.title,
      revid: result.revid,
      contentHash: mergeMark(person),
      syncedAt: s.at,
      overwroteHumanEdit: false,
    });
    return { edited: true, overwrote: replaced !== null, merged: true };
  }
  const overwrote = replaced !== null && !result.nochange;
  await saveMirrorPage(s.db, {
    title: page.title,
    revid: result.revid || (wiki?.revid ?? 0),
    contentHash: hash,
    syncedAt: s.at,
    overwroteHumanEdit: overwrote,
  });
  return { edited: !result.nochange, overwrote, merged: false };
}

/** One mirror run. Never throws for wiki trouble: it is recorded for `/mirror/status`. */
export async function runMirrorJob(deps: MirrorJobDeps, options: MirrorJobOptions = {}): Promise<MirrorRunResult> {
  const { db, config } = deps;
  const at = deps.now().toISOString();
  const result: MirrorRunResult = { ok: false, lastEvent: 0, edited: [], overwrote: [], errors: [] };
  let book: MirrorBookkeeping | null = null;
  let target = 0;
  try {
    book = await mirrorBookkeeping(db);
    result.lastEvent = book.lastEvent;
    // The target first, then the record: the record is at least as new as the target.
    target = await latestEventSeq(db);
    const [record, stamp, changes] = await Promise.all([
      loadMirrorRecord(db),
      stampOf(db, target),
      changesSince(db, book.lastEvent, target),
    ]);
    const client = options.client ?? mirrorClient(config, options.clientOptions);
    const bot = await client.userName();
    const siteLimit = config.mirror.maxPageBytes ?? (await maxArticleBytes(client));
    const limit = Math.min(siteLimit, book.pageBytesLimit ?? Infinity);
    const render = {
      prefix: config.mirror.pagePrefix,
      category: config.mirror.category,
      gadget: config.mirror.gadget,
      limit,
    };
    const documents = renderDocuments(record, stamp, render);
    // Hashes of the pages without their stamp: a newer event that leaves a page as it was is no reason to edit it.
    const hashes = new Map<string, string>();
    for (const page of renderDocuments(record, NEUTRAL_STAMP, render).flat())
      hashes.set(page.title, await sha256(page.text));
    const retired = retiredParts(book.pages.keys(), documents, render);
    const current = await latestRevisions(
      client,
      [...documents.flat(), ...retired].map((p) => p.title),
    );
    const sync: PageSync = { client, db, bot, at, changes, book, current };

    for (const pages of documents) {
      for (const page of pages) {
        try {
          const outcome = await syncPage(sync, page, hashes.get(page.title)!);
          if (outcome.edited) result.edited.push(page.title);
          if (outcome.overwrote) result.overwrote.push(page.title);
          if (outcome.merged) {
            // Not yet what the record says: keep last_event where it is, so the next run repeats the summary.
            result.errors.push(
              runError(
                at,
                new MirrorError(
                  "edit_merged",
                  "a person's edit was merged into the mirror's; the next run replaces it",
                ),
                page.title,
              ),
            );
          }
        } catch (error) {
          result.errors.push(runError(at, error, page.title));
          if (error instanceof MediaWikiError && error.code === "contenttoobig") {
            // The wiki counts more than it told us: split below this page's size from the next run on.
            // siteinfo is asked again: the wiki's limit may have been lowered, or configured wrongly here.
            const site = await maxArticleBytes(client).catch(() => limit);
            await savePageBytesLimit(db, Math.min(site, Math.floor(Math.min(limit, byteLength(page.text)) * 0.9)));
          }
          if (stopsRun(error)) throw new MirrorError("run_stopped", "the run stopped early; the next run continues");
          break; // this document's index must not list a part that is not on the wiki
        }
      }
    }
    // Parts no index lists any more, once every index is saved: retired once, then left alone
    // (a person's later edit of a retired part is theirs, and a deletion is final).
    if (result.errors.length === 0) {
      for (const page of retired) {
        const hash = await sha256(page.text);
        // Deleted by an administrator (what a retired part waits for): never created again.
        if (book.pages.get(page.title)?.contentHash === hash || !current.get(page.title)) continue;
        try {
          if ((await syncPage(sync, page, hash)).edited) result.edited.push(page.title);
        } catch (error) {
          result.errors.push(runError(at, error, page.title));
          if (stopsRun(error)) throw new MirrorError("run_stopped", "the run stopped early; the next run continues");
        }
      }
    }
  } catch (error) {
    if (!(error instanceof MirrorError && error.code === "run_stopped")) result.errors.push(runError(at, error));
  }
  result.ok = result.errors.length === 0;
  if (result.ok) result.lastEvent = target;
  await finishMirrorRun(db, { at, lastEvent: result.ok ? target : null, errors: result.errors });
  return result;
}

/** The job as the entry point plugs it into `/mirror/run` and the Cron Trigger. */
export function createMirrorRunner(options: MirrorJobOptions = {}): MirrorRunner {
  return async (deps) => {
    const result = await runMirrorJob(deps, options);
    if (!result.ok) console.warn(`mirror run: ${result.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  };
}
