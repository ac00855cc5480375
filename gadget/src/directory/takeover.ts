/**
 * The mirror's table, taken over in place. The hub page already carries every partner as a row
 * of the mirror's wikitable (each with its id in `data-partner`); until the full record has
 * arrived the gadget filters those rows where they are, so the directory is searchable as soon
 * as the gadget runs, before any JSON. When the record is there the app's list replaces them.
 * Taking over reads only the rows themselves: a row's folded text is made when a query first
 * needs it, not before the search box shows.
 */
import { foldText, matchesTerms, searchTerms } from "../../../shared/directory-search.ts";

export const MIRROR_TABLE = "table.partnerhub-directory";

export interface TakenRow {
  el: HTMLElement;
  /** The row's text, folded as queries are: made on first use (rowText). */
  text?: string;
}

/** A row's folded text, made the first time it is asked for. */
export const rowText = (row: TakenRow): string => row.text || (row.text = foldText(row.el.textContent!));

/** The mirror's rows on this page (none where the page carries no table, e.g. a split index). */
export function takeOverRows(doc: Document): TakenRow[] {
  return [...doc.querySelectorAll<HTMLElement>(`${MIRROR_TABLE} tr[data-partner]`)].map((el) => ({ el }));
}

/** Show the rows that match `q` (every term, as the app's search does) and hide the rest; the number shown. */
export function filterRows(rows: readonly TakenRow[], q: string): number {
  const terms = searchTerms(q);
  let shown = 0;
  for (const row of rows) {
    const match = terms.length === 0 || matchesTerms(rowText(row), terms);
    if (row.el.hidden === match) row.el.hidden = !match;
    if (match) shown++;
  }
  return shown;
}
