/** Edit summaries from the events since the last sync: "+2 claims, 1 partner matched". */
import type { EventType } from "../../shared/vocabulary.ts";

type Phrase = [singular: string, plural: string];

// In the order a summary lists them; types not named here are counted as "other changes".
const PHRASES: Partial<Record<EventType, Phrase>> = {
  "partner.referred": ["+1 partner", "+# partners"],
  "claim.created": ["+1 claim", "+# claims"],
  "claim.accepted": ["1 partner matched", "# partners matched"],
  "claim.handed_over": ["1 partner handed over", "# partners handed over"],
  "claim.progressed": ["1 lead progressed", "# leads progressed"],
  "claim.completed": ["1 partnership done", "# partnerships done"],
  "claim.stale": ["1 lead stale", "# leads stale"],
  "claim.released": ["1 lead released", "# leads released"],
  "claim.withdrawn": ["1 claim withdrawn", "# claims withdrawn"],
  "claim.declined": ["1 claim declined", "# claims declined"],
  "partner.edited": ["1 partner edited", "# partners edited"],
  "partner.closed": ["1 partner closed", "# partners closed"],
  "partner.reopened": ["1 partner reopened", "# partners reopened"],
  "partner.merged": ["1 partner merged", "# partners merged"],
  "affiliate.created": ["+1 affiliate", "+# affiliates"],
  "affiliate.edited": ["1 affiliate edited", "# affiliates edited"],
  "representative.verified": ["1 representative verified", "# representatives verified"],
  "representative.removed": ["1 representative removed", "# representatives removed"],
};

// Events that change nothing the mirror shows.
const SILENT = new Set<string>([
  "representative.requested",
  "coordinator.added",
  "coordinator.removed",
  "mirror.run",
  "partners.imported",
  "representative.refused",
  "claim.stale_warning",
]);

/** Counts events by type; feed it pages of events so a burst never has to sit in memory at once. */
export class ChangeCounter {
  private readonly counts = new Map<string, number>();

  add(events: Iterable<{ type: string }>): void {
    for (const e of events) this.counts.set(e.type, (this.counts.get(e.type) ?? 0) + 1);
  }

  /** "+2 claims, 1 partner matched", or "" when nothing visible changed. */
  describe(): string {
    const parts: string[] = [];
    for (const [type, [one, many]] of Object.entries(PHRASES) as Array<[string, Phrase]>) {
      const n = this.counts.get(type) ?? 0;
      if (n > 0) parts.push(n === 1 ? one : many.replace("#", String(n)));
    }
    let other = 0;
    for (const [type, n] of this.counts) if (!(type in PHRASES) && !SILENT.has(type)) other += n;
    if (other > 0) parts.push(other === 1 ? "1 other change" : `${other} other changes`);
    return parts.join(", ");
  }
}

/** What a human edit that the mirror replaced looked like, for the summary. */
export interface ReplacedEdit {
  user: string;
  revid: number;
}

const MAX_SUMMARY = 480; // MediaWiki keeps 500 characters

/** The whole edit summary of one page's edit. */
export function editSummary(changes: string, replaced: ReplacedEdit | null): string {
  const what = changes || "sync with the record";
  const human = replaced
    ? `; replaced an edit by ${replaced.user} (revision ${replaced.revid}): this page is generated from the hub's record, change things with the hub app`
    : "";
  const text = `partnerhub mirror: ${what}${human}`;
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
