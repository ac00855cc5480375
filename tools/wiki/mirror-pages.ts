// Reading the mirror's pages back from the wiki, and what they should be, for the wiki tests.
import type { Config } from "../../worker/config.ts";
import { renderDocuments } from "../../worker/mirror/documents.ts";
import { loadMirrorRecord } from "../../worker/mirror/job.ts";
import type { MirrorPage } from "../../worker/mirror/layout.ts";
import { latestEventSeq, listEvents } from "../../worker/storage/events.ts";
import type { SqlDatabase } from "../../worker/storage/db.ts";
import type { WikiClient } from "./harness.ts";

/** The pages the record should render to now, at the limit the wiki reports (or the one given). */
export async function expectedPages(db: SqlDatabase, config: Config, limit: number): Promise<MirrorPage[]> {
  const target = await latestEventSeq(db);
  const [event] = await listEvents(db, target - 1, 1);
  const record = await loadMirrorRecord(db);
  return renderDocuments(
    record,
    { event: target, at: event!.at },
    { prefix: config.mirror.pagePrefix, category: config.mirror.category, gadget: config.mirror.gadget, limit },
  ).flat();
}

/** Every revision of `title` (newest first): who, which id, and the summary. */
export async function history(
  client: WikiClient,
  title: string,
): Promise<Array<{ revid: number; user: string; comment: string }>> {
  const answer = await client.get({
    action: "query",
    prop: "revisions",
    titles: title,
    rvprop: "ids|user|comment",
    rvlimit: 500,
  });
  const page = (
    answer.query as { pages: Array<{ revisions?: Array<{ revid: number; user: string; comment: string }> }> }
  ).pages[0];
  return page?.revisions ?? [];
}

/** Asserts-friendly: each expected page's title with its content on the wiki (null when missing). */
export async function wikiContents(client: WikiClient, titles: string[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const title of titles) out[title] = (await client.readPage(title))?.content ?? null;
  return out;
}

/** The wiki holds exactly what the record renders to, and the mirror's bookkeeping says it is up to date. */
export async function expectConverged(
  expect: (value: unknown, message?: string) => { toBe(v: unknown): void; toEqual(v: unknown): void },
  db: SqlDatabase,
  config: Config,
  client: WikiClient,
  limit: number,
): Promise<void> {
  const pages = await expectedPages(db, config, limit);
  const contents = await wikiContents(
    client,
    pages.map((p) => p.title),
  );
  // A page the latest events left as it was keeps the stamp of the event that last changed it.
  for (const page of pages) expect(withoutStamp(contents[page.title] ?? ""), page.title).toBe(withoutStamp(page.text));
  const state = await db.prepare(`SELECT last_event FROM mirror_state WHERE id = 1`).first<{ last_event: number }>();
  expect(state?.last_event).toBe(await latestEventSeq(db));
}

/** A page's text with its sync stamp (time and event) blanked. */
export function withoutStamp(text: string): string {
  return text
    .replace(/as of \d{4}-\d\d-\d\d \d\d:\d\d UTC \(event \d+\)/, "as of STAMP")
    .replace(/^\t"generated": "[^"]*",\n\t"lastEvent": \d+,$/m, "STAMP");
}
