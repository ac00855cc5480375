/** The mirror's bookkeeping: the last event on the wiki, each page's revision, recent errors. */
import type { MirrorStatus } from "../../shared/api.ts";
import { parseJson, type Read, readAll, rowOf, rowsOf, type SqlDatabase, together } from "./db.ts";
import { latestSeq } from "./events.ts";

interface StateRow {
  last_event: number;
  last_run_at: string | null;
  last_success_at: string | null;
  errors: string;
}

interface PageRow {
  title: string;
  revid: number | null;
  content_hash: string | null;
  synced_at: string | null;
  overwrote_human_edit: number;
}

export async function mirrorStatus(db: SqlDatabase, configured: boolean): Promise<MirrorStatus> {
  return (await readAll(db, [mirrorStatusRead(db, configured)]))[0];
}

export function mirrorStatusRead(db: SqlDatabase, configured: boolean): Read<MirrorStatus> {
  const read = together([
    rowOf<StateRow>(db.prepare(`SELECT * FROM mirror_state WHERE id = 1`)),
    rowsOf<PageRow>(db.prepare(`SELECT * FROM mirror_page ORDER BY title`)),
    latestSeq(db),
  ]);
  return {
    statements: read.statements,
    parse: (results) => {
      const [state, pages, latest] = read.parse(results);
      const lastEvent = state?.last_event ?? 0;
      return {
        configured,
        lastRunAt: state?.last_run_at ?? null,
        lastSuccessAt: state?.last_success_at ?? null,
        lastEvent,
        latestEvent: latest,
        lag: Math.max(0, latest - lastEvent),
        pages: pages.map((p) => ({
          title: p.title,
          revid: p.revid,
          syncedAt: p.synced_at,
          overwroteHumanEdit: p.overwrote_human_edit === 1,
        })),
        errors: parseJson(state?.errors, []),
      };
    },
  };
}

/** One error of a run, as `/mirror/status` lists it. */
export interface MirrorRunError {
  at: string;
  code: string;
  message: string;
}

/** How many errors the status keeps: the newest ones. */
export const MIRROR_ERRORS_KEPT = 20;

export interface MirrorBookkeeping {
  lastEvent: number;
  pageBytesLimit: number | null;
  /** Per title: the revision the mirror last saved and the hash of what it rendered then. */
  pages: Map<string, { revid: number | null; contentHash: string | null }>;
}

export async function mirrorBookkeeping(db: SqlDatabase): Promise<MirrorBookkeeping> {
  const [state, pages] = await Promise.all([
    db
      .prepare(`SELECT last_event, page_bytes_limit FROM mirror_state WHERE id = 1`)
      .first<{ last_event: number; page_bytes_limit: number | null }>(),
    db
      .prepare(`SELECT title, revid, content_hash FROM mirror_page`)
      .all<Pick<PageRow, "title" | "revid" | "content_hash">>(),
  ]);
  return {
    lastEvent: state?.last_event ?? 0,
    pageBytesLimit: state?.page_bytes_limit ?? null,
    pages: new Map(pages.results.map((p) => [p.title, { revid: p.revid, contentHash: p.content_hash }])),
  };
}

/** Records a page the wiki now holds, right after its edit: a later failure of the run does not lose it. */
export async function saveMirrorPage(
  db: SqlDatabase,
  page: { title: string; revid: number; contentHash: string; syncedAt: string; overwroteHumanEdit: boolean },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO mirror_page (title, revid, content_hash, synced_at, overwrote_human_edit) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (title) DO UPDATE SET revid = ?2, content_hash = ?3, synced_at = ?4, overwrote_human_edit = ?5`,
    )
    .bind(page.title, page.revid, page.contentHash, page.syncedAt, page.overwroteHumanEdit ? 1 : 0)
    .run();
}

export async function savePageBytesLimit(db: SqlDatabase, limit: number): Promise<void> {
  await db.prepare(`UPDATE mirror_state SET page_bytes_limit = ?1 WHERE id = 1`).bind(limit).run();
}

/**
 * Ends a run: `lastEvent` is set only when every page reached the wiki (null otherwise, so the
 * next run starts from the same event); new errors join the newest MIRROR_ERRORS_KEPT.
 */
export async function finishMirrorRun(
  db: SqlDatabase,
  run: { at: string; lastEvent: number | null; errors: MirrorRunError[] },
): Promise<void> {
  const row = await db.prepare(`SELECT errors FROM mirror_state WHERE id = 1`).first<{ errors: string }>();
  const errors = [...parseJson<MirrorRunError[]>(row?.errors, []), ...run.errors].slice(-MIRROR_ERRORS_KEPT);
  await db
    .prepare(
      `UPDATE mirror_state SET
         last_run_at = ?1,
         last_success_at = CASE WHEN ?2 IS NULL THEN last_success_at ELSE ?1 END,
         last_event = coalesce(?2, last_event),
         errors = ?3
       WHERE id = 1`,
    )
    .bind(run.at, run.lastEvent, JSON.stringify(errors))
    .run();
}
