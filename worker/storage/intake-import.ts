/**
 * SQL for an import: the directory it is checked against (one read), and the batch that
 * creates its partners and events. Rows travel as one JSON parameter per chunk (D1 binds at
 * most 100 parameters to a statement); each chunk's event insert is guarded on the chunk's
 * partner insert having created every row, so the whole import commits or nothing does.
 */
import type { KnownPartner } from "../../shared/duplicates.ts";
import type { ImportPreview } from "../../shared/api.ts";
import type { PartnerInput } from "../../shared/schemas.ts";
import { type Read, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { FIELD_COLUMNS, fieldValues } from "./partners.ts";
import type { z } from "zod";

/** Rows per statement: small enough for D1's statement and parameter limits at full rows. */
export const IMPORT_CHUNK = 50;

export type ImportedPartner = z.output<typeof PartnerInput> & { id: string; row: number; confirmNew: boolean };

/** The living partners to compare with, and every id already taken (merged partners keep theirs). */
export function directoryForImport(db: SqlDatabase): Read<{ known: KnownPartner[]; ids: Set<string> }> {
  const read = rowsOf<KnownPartner & { merged_into: string | null }>(
    db.prepare(`SELECT id, name, wikidata, website, merged_into FROM partner`),
  );
  return {
    statements: read.statements,
    parse: (r) => {
      const rows = read.parse(r);
      return { known: rows.filter((x) => x.merged_into === null), ids: new Set(rows.map((x) => x.id)) };
    },
  };
}

const N = FIELD_COLUMNS.length;
const at = (i: number) => `json_extract(j.value, '$[${i}]')`;
const NAME_NORM = at(FIELD_COLUMNS.indexOf("name_norm"));
const SITE_DOMAIN = at(FIELD_COLUMNS.indexOf("site_domain"));

const INSERT_PARTNERS = `INSERT INTO partner (${FIELD_COLUMNS.join(", ")}, id, referred_by, created_at, updated_at)
  SELECT ${FIELD_COLUMNS.map((_, i) => at(i)).join(", ")}, ${at(N)}, ?2, ?3, ?3
  FROM json_each(?1) j
  WHERE ${at(N + 1)} = 1 OR (
    NOT EXISTS (SELECT 1 FROM partner p WHERE p.merged_into IS NULL AND p.name_norm = ${NAME_NORM})
    AND NOT EXISTS (SELECT 1 FROM partner p WHERE p.merged_into IS NULL AND p.site_domain = ${SITE_DOMAIN}))
  ORDER BY j.key`;

// `changes()` is the partner insert's count: fewer rows than sent makes `type` NULL and aborts the batch.
const INSERT_EVENTS = `INSERT INTO event (at, actor, type, partner_id, data)
  SELECT ?3, ?2, CASE WHEN changes() = ?4 THEN 'partner.referred' END, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
  FROM json_each(?1) j ORDER BY j.key`;

export function importStatements(
  db: SqlDatabase,
  rows: ImportedPartner[],
  ctx: { actor: string; at: string; preview: ImportPreview },
): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK);
    const partners = chunk.map((r) => [
      ...fieldValues({ ...r, contact: r.contact ?? { name: "", email: "", notes: "" } }),
      r.id,
      r.confirmNew ? 1 : 0,
    ]);
    const events = chunk.map((r) => [r.id, JSON.stringify({ name: r.name, imported: true, row: r.row })]);
    statements.push(
      db.prepare(INSERT_PARTNERS).bind(JSON.stringify(partners), ctx.actor, ctx.at),
      db.prepare(INSERT_EVENTS).bind(JSON.stringify(events), ctx.actor, ctx.at, chunk.length),
    );
  }
  const { preview } = ctx;
  statements.push(
    db.prepare(`INSERT INTO event (at, actor, type, data) VALUES (?1, ?2, 'partners.imported', ?3)`).bind(
      ctx.at,
      ctx.actor,
      JSON.stringify({
        format: preview.format,
        rows: preview.rows,
        created: rows.length,
        duplicates: preview.duplicates.length,
        errors: new Set(preview.errors.map((e) => e.row)).size,
        partners: rows.map((r) => r.id),
      }),
    ),
  );
  return statements;
}
