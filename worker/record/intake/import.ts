/**
 * Importing a list (coordinators): parse it (CSV and TSV with papaparse, wikitables with the
 * shared parser), map columns to fields, turn each row into a referral validated by the same
 * schema as `POST /partners`, check it against the directory and the rows before it, and
 * either answer the preview or commit every creatable row in one batch.
 */
import Papa from "papaparse";
import { COUNTRY_CODES } from "../../../shared/countries.ts";
import { DuplicateIndex, foldText, nameKey } from "../../../shared/duplicates.ts";
import { IMPORT_MAX_ROWS, type IMPORT_ISSUES, type ImportPreview, type ImportRequest } from "../../../shared/api.ts";
import {
  guessColumns,
  IMPORT_FIELDS,
  looksLikeFormula,
  parseWikitable,
  type ImportField,
} from "../../../shared/import-table.ts";
import { PartnerInput } from "../../../shared/schemas.ts";
import { slugify } from "../../../shared/slug.ts";
import { FUNDING, OFFERS, PARTNER_KINDS, PROJECTS } from "../../../shared/vocabulary.ts";
import type { Asker } from "../../context.ts";
import { AppError } from "../../errors.ts";
import type { SqlDatabase } from "../../storage/db.ts";
import { directoryForImport, importStatements, type ImportedPartner } from "../../storage/intake-import.ts";
import { commit } from "../../storage/commit.ts";
import type { z } from "zod";

type Request = z.output<typeof import("../../../shared/api.ts").ImportRequest>;
type Issue = ImportPreview["errors"][number];
type IssueCode = (typeof IMPORT_ISSUES)[number];
type Referral = z.output<typeof PartnerInput>;

/** The list as rows of cells; the first row holds the headers. */
export function parseTable(format: ImportRequest["format"], text: string): string[][] {
  if (format === "wikitable") return parseWikitable(text);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimiter: format === "tsv" ? "\t" : "",
    skipEmptyLines: "greedy",
  });
  return parsed.data.map((r) => r.map((c) => c.trim()));
}

let countryNames: Map<string, string> | null = null;
/** ISO codes by their names in the languages headers are guessed in. */
function countryByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  for (const locale of ["en", "de", "fr", "es"]) {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      if (name && name !== code) countryNames.set(foldText(name), code);
    }
  }
  return countryNames;
}

function countryOf(cell: string): string | null {
  const upper = cell.trim().toUpperCase();
  if (COUNTRY_CODES.has(upper)) return upper;
  return countryByName().get(foldText(cell)) ?? null;
}

// Kind words a list may use beyond the vocabulary's own ids, folded.
const KIND_ALIASES: Record<string, (typeof PARTNER_KINDS)[number]> = {
  gallery: "museum",
  company: "company",
  unternehmen: "company",
  firma: "company",
  entreprise: "company",
  empresa: "company",
  government: "government",
  behorde: "government",
  regierung: "government",
  gouvernement: "government",
  gobierno: "government",
  administration: "government",
};

function kindOf(cell: string): (typeof PARTNER_KINDS)[number] | null {
  const folded = foldText(cell);
  if ((PARTNER_KINDS as readonly string[]).includes(folded)) return folded as (typeof PARTNER_KINDS)[number];
  if (KIND_ALIASES[folded]) return KIND_ALIASES[folded];
  const kind = nameKey(cell).kinds[0];
  if (kind && nameKey(cell).words.length === 0) return kindFromToken(kind);
  return null;
}

function kindFromToken(token: string): (typeof PARTNER_KINDS)[number] {
  return (PARTNER_KINDS as readonly string[]).includes(token)
    ? (token as (typeof PARTNER_KINDS)[number])
    : (KIND_ALIASES[token] ?? "other");
}

const listOf = (cell: string, sep = /[;,|]/) =>
  cell
    .split(sep)
    .map((v) => v.trim())
    .filter(Boolean);

const QID_IN = /(?:^|\/|=)(Q[1-9][0-9]{0,11})(?:$|[/?#])/;

interface RowResult {
  row: number;
  input: Referral | null;
  issues: Issue[];
}

/** One row as a referral, or the reasons it is not one. */
function readRow(
  cells: string[],
  rowNumber: number,
  columnIndex: Map<ImportField, number>,
  headers: string[],
): RowResult {
  const issues: Issue[] = [];
  const cellOf = (f: ImportField) => {
    const i = columnIndex.get(f);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const issue = (field: ImportField, code: IssueCode, params: Record<string, string | number> = {}) => {
    const i = columnIndex.get(field);
    issues.push({ row: rowNumber, column: i === undefined ? null : (headers[i] ?? null), field, code, params });
  };
  for (const f of IMPORT_FIELDS) {
    const v = cellOf(f);
    if (v && looksLikeFormula(v)) issue(f, "formula", { value: v.slice(0, 60) });
  }
  if (issues.length > 0) return { row: rowNumber, input: null, issues };

  const name = cellOf("name");
  if (!name) issue("name", "required");
  const countryCell = cellOf("country");
  const country = countryCell ? countryOf(countryCell) : null;
  if (!countryCell) issue("country", "required");
  else if (!country) issue("country", "unknown_country", { value: countryCell.slice(0, 60) });

  const websiteCell = cellOf("website");
  let website: string | null = null;
  if (websiteCell) {
    if (/^[^\s/@]+@[^\s/@]+$/.test(websiteCell) || websiteCell.startsWith("mailto:")) {
      issue("website", "not_a_website", { value: websiteCell.slice(0, 60) });
    } else website = /^https?:\/\//i.test(websiteCell) ? websiteCell : `https://${websiteCell}`;
  }
  const wikidataCell = cellOf("wikidata");
  const qid = wikidataCell ? (QID_IN.exec(wikidataCell.trim())?.[1] ?? null) : null;
  if (wikidataCell && !qid) issue("wikidata", "not_a_wikidata_item", { value: wikidataCell.slice(0, 60) });

  const kindCell = cellOf("kind");
  const kind = kindCell ? kindOf(kindCell) : kindFromToken(nameKey(name).kinds[0] ?? "other");
  if (kindCell && !kind) issue("kind", "unknown_value", { value: kindCell.slice(0, 60) });

  const vocabulary = <T extends string>(field: ImportField, values: readonly T[], fallback: T[]): T[] => {
    const raw = listOf(cellOf(field));
    const out: T[] = [];
    for (const v of raw) {
      const id = foldText(v).replace(/ /g, "_") as T;
      if (values.includes(id)) {
        if (!out.includes(id)) out.push(id);
      } else issue(field, "unknown_value", { value: v.slice(0, 60) });
    }
    return out.length > 0 ? out : fallback;
  };
  const offers = vocabulary("offers", OFFERS, ["other"]);
  const projects = vocabulary("projects", PROJECTS, []);
  const fundingCell = cellOf("funding");
  const funding = vocabulary("funding", FUNDING, ["none"])[0] ?? "none";
  if (listOf(fundingCell).length > 1) issue("funding", "invalid", { value: fundingCell.slice(0, 60) });
  const languages = listOf(cellOf("languages")).map((l) => l.toLowerCase());

  const email = cellOf("contactEmail");
  // The schema still checks what the rules above let through, so that a row
  // shows every reason at once; a field already reported is not reported twice.
  const reported = new Set(issues.map((i) => i.field));
  const parsed = PartnerInput.safeParse({
    name,
    wikidata: qid,
    website,
    kind: kind ?? "other",
    country,
    languages: languages.length > 0 ? [...new Set(languages)] : ["und"],
    offers,
    projects,
    funding,
    summary: cellOf("summary"),
    asks: listOf(cellOf("asks"), /[;\n]/),
    contact: { name: cellOf("contactName"), email, notes: cellOf("notes") },
  });
  if (parsed.success) return { row: rowNumber, input: issues.length > 0 ? null : parsed.data, issues };
  for (const zi of parsed.error.issues) {
    const head = String(zi.path[0] ?? "name");
    const field = (
      head === "contact"
        ? ({ name: "contactName", email: "contactEmail", notes: "notes" } as const)[String(zi.path[1]) as "name"]
        : head
    ) as ImportField;
    if (reported.has(field)) continue;
    const code: IssueCode =
      zi.code === "too_big"
        ? "too_long"
        : field === "contactEmail"
          ? "not_an_email"
          : field === "website"
            ? "not_a_website"
            : "invalid";
    issue(field, code, code === "too_long" ? { max: Number((zi as { maximum?: number }).maximum ?? 0) } : {});
  }
  return { row: rowNumber, input: null, issues };
}

function freeId(name: string, taken: Set<string>): string {
  const raw = slugify(name);
  const base = raw.length >= 2 ? raw : `partner-${raw || "x"}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The preview of an import, and with `dryRun: false` its commit. */
export async function importPartners(db: SqlDatabase, asker: Asker, req: Request, at: string): Promise<ImportPreview> {
  // One read settles who is asking and gives the directory the rows are checked against; the
  // commit is one batch: an import costs two round trips, whatever its size.
  const [{ known, ids }] = await asker.read([directoryForImport(db)]);
  const caller = asker.coordinator();
  const table = parseTable(req.format, req.text);
  const headers = table[0] ?? [];
  const data = table.slice(1);
  if (data.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      "payload_too_large",
      `An import takes at most ${IMPORT_MAX_ROWS} rows; this list has ${data.length}`,
      {
        params: { max: IMPORT_MAX_ROWS, rows: data.length },
      },
    );
  }
  const columns = req.columns ?? guessColumns(headers);
  const columnIndex = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(columns) as [ImportField, string][]) {
    const i = headers.indexOf(header);
    if (i < 0) {
      throw new AppError("validation_failed", `No column is headed "${header}"`, {
        details: { issues: [{ path: `columns.${field}`, message: "no such column", code: "custom" }] },
        params: { column: header },
      });
    }
    columnIndex.set(field, i);
  }
  if (!columnIndex.has("name")) {
    throw new AppError("validation_failed", "Say which column holds the name", {
      details: { issues: [{ path: "columns.name", message: "required", code: "custom" }] },
      params: { field: "name" },
    });
  }

  const directory = new DuplicateIndex(known);
  const inFile = new DuplicateIndex();
  const confirmed = new Set(req.confirmNew);
  const preview: ImportPreview = {
    format: req.format,
    headers,
    columns,
    rows: data.length,
    create: [],
    duplicates: [],
    errors: [],
    committed: false,
  };
  const toCreate: ImportedPartner[] = [];
  const rowOfId = new Map<string, number>();
  data.forEach((cells, i) => {
    const rowNumber = i + 2;
    const { input, issues } = readRow(cells, rowNumber, columnIndex, headers);
    if (!input) {
      preview.errors.push(...issues);
      return;
    }
    const candidates = directory.find(input);
    const earlier = inFile.find(input);
    const sameItem =
      candidates.some((c) => c.why.includes("wikidata")) || earlier.some((c) => c.why.includes("wikidata"));
    const id = `row-${rowNumber}`;
    inFile.add({ id, name: input.name, wikidata: input.wikidata, website: input.website });
    rowOfId.set(id, rowNumber);
    if ((candidates.length > 0 || earlier.length > 0) && (sameItem || !confirmed.has(rowNumber))) {
      preview.duplicates.push({
        row: rowNumber,
        name: input.name,
        candidates,
        sameAs: earlier.map((c) => rowOfId.get(c.id) ?? 0),
        confirmable: !sameItem,
      });
      return;
    }
    const partnerId = freeId(input.name, ids);
    preview.create.push({ row: rowNumber, id: partnerId, name: input.name });
    toCreate.push({ ...input, id: partnerId, row: rowNumber, confirmNew: candidates.length > 0 || earlier.length > 0 });
  });
  if (req.dryRun || toCreate.length === 0) return preview;

  const result = await commit(db, importStatements(db, toCreate, { actor: caller.user.name, at, preview }));
  if (!result.ok) {
    throw new AppError("conflict", "The directory changed while importing; nothing was imported. Preview again.");
  }
  return { ...preview, committed: true };
}
