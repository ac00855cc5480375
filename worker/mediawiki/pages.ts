/** Page-level operations on top of the client: site limits, current revisions, edits. */
import type { ApiAnswer, MediaWikiClient } from "./client.ts";
import { MediaWikiError } from "./errors.ts";

/** The latest revision of a page, as far as the mirror cares. */
export interface Revision {
  revid: number;
  user: string;
  timestamp: string;
}

/** `$wgMaxArticleSize` in bytes, from siteinfo. */
export async function maxArticleBytes(client: MediaWikiClient): Promise<number> {
  const answer = await client.get({ action: "query", meta: "siteinfo", siprop: "general" });
  const size = (answer.query as { general: { maxarticlesize?: number } }).general.maxarticlesize;
  if (typeof size !== "number" || size <= 0)
    throw new MediaWikiError("no-maxarticlesize", "siteinfo has no maxarticlesize");
  return size;
}

const TITLES_PER_QUERY = 50;

/** The latest revision of each title, null for a missing page; keyed by the titles as given. */
export async function latestRevisions(
  client: MediaWikiClient,
  titles: string[],
): Promise<Map<string, Revision | null>> {
  const result = new Map<string, Revision | null>();
  for (let i = 0; i < titles.length; i += TITLES_PER_QUERY) {
    const batch = titles.slice(i, i + TITLES_PER_QUERY);
    const answer = await client.get({
      action: "query",
      prop: "revisions",
      rvprop: "ids|user|timestamp",
      titles: batch.join("|"),
    });
    const query = answer.query as QueryPages;
    // The wiki answers with normalised titles (underscores, first letter): map them back.
    const asked = new Map(batch.map((t) => [t, t]));
    for (const n of query.normalized ?? []) asked.set(n.to, n.from);
    for (const page of query.pages) {
      const title = asked.get(page.title) ?? page.title;
      const rev = page.revisions?.[0];
      result.set(
        title,
        page.missing || !rev ? null : { revid: rev.revid, user: rev.user ?? "", timestamp: rev.timestamp },
      );
    }
  }
  return result;
}

interface QueryPages {
  normalized?: Array<{ from: string; to: string }>;
  pages: Array<{
    title: string;
    missing?: boolean;
    revisions?: Array<{ revid: number; user?: string; timestamp: string }>;
  }>;
}

export interface EditRequest {
  title: string;
  text: string;
  summary: string;
  /** `json` for the gadget's data pages; the wiki otherwise picks wikitext. */
  contentModel?: "json" | "wikitext";
  /** The revision this edit replaces; null when the page should not exist yet. */
  baserevid: number | null;
}

export interface EditResult {
  revid: number;
  /** The page already had exactly this text: the wiki made no new revision. */
  nochange: boolean;
  /** The revision the new one follows. Not `baserevid`? Someone saved in between and MediaWiki merged. */
  parent: number | null;
}

/** One revision by id (its author, for an edit summary), or null when it is gone. */
export async function revisionById(client: MediaWikiClient, revid: number): Promise<Revision | null> {
  const answer = await client.get({ action: "query", prop: "revisions", rvprop: "ids|user|timestamp", revids: revid });
  const rev = (answer.query as QueryPages | undefined)?.pages?.[0]?.revisions?.[0];
  return rev ? { revid: rev.revid, user: rev.user ?? "", timestamp: rev.timestamp } : null;
}

/**
 * Edits as a bot with `baserevid`: `nocreate` when replacing a revision (a page deleted
 * meanwhile is not silently recreated), `createonly` for a new page (one created meanwhile
 * is not overwritten). Throws MediaWikiError (`editconflict`, `contenttoobig`, …).
 */
export async function editPage(client: MediaWikiClient, edit: EditRequest): Promise<EditResult> {
  const answer: ApiAnswer = await client.post(
    {
      action: "edit",
      title: edit.title,
      text: edit.text,
      summary: edit.summary,
      contentmodel: edit.contentModel,
      contentformat: edit.contentModel === "json" ? "application/json" : undefined,
      bot: true,
      baserevid: edit.baserevid ?? undefined,
      nocreate: edit.baserevid !== null,
      createonly: edit.baserevid === null,
    },
    { token: "csrf" },
  );
  const result = answer.edit as
    | { result: string; newrevid?: number; oldrevid?: number; nochange?: boolean; pageid?: number }
    | undefined;
  if (result?.result !== "Success") {
    // Captchas, spam filters and abuse filters answer a "Failure" result rather than an error.
    throw new MediaWikiError(
      "edit-failure",
      `edit of ${edit.title} not saved: ${JSON.stringify(answer).slice(0, 300)}`,
    );
  }
  if (result.nochange) return { revid: edit.baserevid ?? 0, nochange: true, parent: null };
  return { revid: result.newrevid ?? 0, nochange: false, parent: result.oldrevid ?? null };
}
