/** The mirror's bookkeeping: the last event on the wiki, each page's revision, recent errors. */
import type { MirrorStatus } from "../../shared/api.ts";
import { parseJson, type SqlDatabase } from "./db.ts";
import { latestEventSeq } from "./events.ts";

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
  const [state, pages, latest] = await Promise.all([
    db.prepare(`SELECT * FROM mirror_state WHERE id = 1`).first<StateRow>(),
    db.prepare(`SELECT * FROM mirror_page ORDER BY title`).all<PageRow>(),
    latestEventSeq(db),
  ]);
  const lastEvent = state?.last_event ?? 0;
  return {
    configured,
    lastRunAt: state?.last_run_at ?? null,
    lastSuccessAt: state?.last_success_at ?? null,
    lastEvent,
    latestEvent: latest,
    lag: Math.max(0, latest - lastEvent),
    pages: pages.results.map((p) => ({
      title: p.title,
      revid: p.revid,
      syncedAt: p.synced_at,
      overwroteHumanEdit: p.overwrote_human_edit === 1,
    })),
    errors: parseJson(state?.errors, []),
  };
}
