/**
 * The wiki side of notices: read recipients' talk pages (text, revision, opt-out category) in
 * batches, and post one new section, as the mirror edits (its client: maxlag, assert, User-Agent,
 * bounded retries), with `baserevid` and `nocreate`, or `createonly` for a page not yet there,
 * and explicitly not minor: a minor bot edit on a user talk page raises no notice.
 */
import type { MediaWikiClient } from "../mediawiki/client.ts";
import { MediaWikiError } from "../mediawiki/errors.ts";
import { OPT_OUT_CATEGORY } from "./exclusion.ts";
import type { Section } from "./render.ts";

export interface TalkPage {
  /** `User talk:Name` */
  title: string;
  revid: number | null;
  text: string;
  /** The user page or the talk page is in Meta's opt-out category. */
  optedOut: boolean;
}

export const talkTitle = (user: string) => `User talk:${user}`;
const TITLES_PER_QUERY = 25;

interface QueryAnswer {
  normalized?: Array<{ from: string; to: string }>;
  pages?: Array<{
    title: string;
    missing?: boolean;
    categories?: Array<{ title: string }>;
    revisions?: Array<{ revid: number; slots?: { main?: { content?: string } } }>;
  }>;
}

/** Talk pages of `users`, keyed by user name. */
export async function readTalkPages(client: MediaWikiClient, users: string[]): Promise<Map<string, TalkPage>> {
  const result = new Map<string, TalkPage>();
  for (let i = 0; i < users.length; i += TITLES_PER_QUERY) {
    const batch = users.slice(i, i + TITLES_PER_QUERY);
    const titles = batch.flatMap((u) => [talkTitle(u), `User:${u}`]);
    const answer = await client.post({
      action: "query",
      prop: "revisions|categories",
      rvprop: "ids|content",
      rvslots: "main",
      clcategories: `Category:${OPT_OUT_CATEGORY}`,
      cllimit: "max",
      titles: titles.join("|"),
    });
    const query = (answer.query ?? {}) as QueryAnswer;
    const asked = new Map(titles.map((t) => [t, t]));
    for (const n of query.normalized ?? []) asked.set(n.to, n.from);
    const pages = new Map((query.pages ?? []).map((p) => [asked.get(p.title) ?? p.title, p]));
    for (const user of batch) {
      const talk = pages.get(talkTitle(user));
      const userPage = pages.get(`User:${user}`);
      const rev = talk && !talk.missing ? talk.revisions?.[0] : undefined;
      result.set(user, {
        title: talkTitle(user),
        revid: rev?.revid ?? null,
        text: rev?.slots?.main?.content ?? "",
        optedOut: Boolean(talk?.categories?.length || userPage?.categories?.length),
      });
    }
  }
  return result;
}

/** Posts `section` as a new section; returns the new revision id. Throws MediaWikiError (`editconflict`, …). */
export async function postSection(client: MediaWikiClient, page: TalkPage, section: Section): Promise<number> {
  const answer = await client.post(
    {
      action: "edit",
      title: page.title,
      section: "new",
      sectiontitle: section.title,
      text: section.text,
      summary: section.summary,
      bot: true,
      notminor: true,
      baserevid: page.revid ?? undefined,
      nocreate: page.revid !== null,
      createonly: page.revid === null,
    },
    { token: "csrf" },
  );
  const edit = answer.edit as { result?: string; newrevid?: number; nochange?: boolean } | undefined;
  if (edit?.result !== "Success" || !edit.newrevid) {
    throw new MediaWikiError(
      "edit-failure",
      `notice on ${page.title} not saved: ${JSON.stringify(answer).slice(0, 300)}`,
    );
  }
  return edit.newrevid;
}
