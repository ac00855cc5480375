/**
 * Lists people already keep, as rows of cells: a wikitable pasted from a wiki page (the
 * spreadsheet formats go through a CSV library on the backend), the guess of which column
 * holds which field from headers in English, German, French and Spanish, and the cells that
 * look like spreadsheet formulas. Pure, so the gadget can guess the mapping as the backend does.
 */
import { foldText } from "./duplicates.ts";

import { IMPORT_FIELDS, type ImportField } from "./import-fields.ts";

export { IMPORT_FIELDS, type ImportField };

const HEADER_WORDS: Record<ImportField, string[]> = {
  name: [
    "name",
    "institution",
    "institution name",
    "organisation",
    "organization",
    "partner",
    "einrichtung",
    "name der institution",
    "nom",
    "nom de l institution",
    "etablissement",
    "nombre",
    "institucion",
    "entidad",
  ],
  wikidata: ["wikidata", "qid", "wikidata id", "wikidata item", "item", "element wikidata", "elemento de wikidata"],
  website: [
    "website",
    "web site",
    "web",
    "url",
    "homepage",
    "webseite",
    "internetseite",
    "site web",
    "site",
    "sitio web",
    "pagina web",
  ],
  kind: ["kind", "type", "typ", "art", "tipo", "category", "kategorie", "categorie", "categoria"],
  country: ["country", "land", "staat", "pays", "pais"],
  languages: [
    "languages",
    "language",
    "sprache",
    "sprachen",
    "langue",
    "langues",
    "idioma",
    "idiomas",
    "lengua",
    "lenguas",
  ],
  offers: ["offers", "offer", "angebot", "angebote", "offre", "offres", "oferta", "ofertas"],
  projects: ["projects", "project", "projekte", "projekt", "projets", "projet", "proyectos", "proyecto"],
  funding: ["funding", "finanzierung", "financement", "financiacion", "financiamiento"],
  summary: ["summary", "description", "beschreibung", "zusammenfassung", "resume", "resumen", "descripcion"],
  asks: ["asks", "wishes", "requests", "wunsche", "anliegen", "demandes", "souhaits", "solicitudes", "peticiones"],
  contactName: [
    "contact",
    "contact name",
    "contact person",
    "kontakt",
    "ansprechpartner",
    "ansprechperson",
    "nom du contact",
    "contacto",
    "persona de contacto",
  ],
  contactEmail: [
    "email",
    "e mail",
    "mail",
    "contact email",
    "courriel",
    "adresse e mail",
    "correo",
    "correo electronico",
    "e mail adresse",
  ],
  notes: ["notes", "note", "notizen", "anmerkungen", "bemerkungen", "remarques", "notas", "observaciones"],
};

const FIELD_OF_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const w of HEADER_WORDS[field]) FIELD_OF_HEADER.set(w, field);

/** Which column holds which field, guessed from the headers; each field and column at most once. */
export function guessColumns(headers: string[]): Partial<Record<ImportField, string>> {
  const columns: Partial<Record<ImportField, string>> = {};
  for (const header of headers) {
    const field = FIELD_OF_HEADER.get(foldText(header));
    if (field && !columns[field]) columns[field] = header;
  }
  return columns;
}

/** A cell a spreadsheet would run as a formula (CSV injection): `=`, `+`, `-`, `@`, tab or CR first. */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d[\d\s.,]*$/.test(cell);
}

/**
 * The positions in `text` that lie outside links (`[[…]]`) and templates (`{{…}}`), in order;
 * `visit` returns how many characters it consumed there (0 to go on), or -1 to stop.
 */
function scanOutsideMarkup(text: string, visit: (i: number) => number): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (two === "[[" || two === "{{") {
      depth++;
      i++;
    } else if ((two === "]]" || two === "}}") && depth > 0) {
      depth--;
      i++;
    } else if (depth === 0) {
      const used = visit(i);
      if (used < 0) return;
      i += Math.max(0, used - 1);
    }
  }
}

/** Splits a table row's text on `sep` (`||` or `!!`) outside links and templates. */
function splitCells(text: string, sep: "||" | "!!"): string[] {
  const cells: string[] = [];
  let start = 0;
  scanOutsideMarkup(text, (i) => {
    if (text.slice(i, i + 2) !== sep) return 0;
    cells.push(text.slice(start, i));
    start = i + 2;
    return 2;
  });
  cells.push(text.slice(start));
  return cells;
}

/** A cell's content without its attributes (`style="…" | text`), outside links and templates. */
function cellContent(raw: string): string {
  let content = raw;
  scanOutsideMarkup(raw, (i) => {
    if (raw[i] !== "|") return 0;
    content = raw.slice(i + 1);
    return -1;
  });
  return content;
}

/** The text a reader sees of simple markup: links by their label, no bold, italics or tags. */
export function plainWikitext(text: string): string {
  return text
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, "$1")
    .replace(/\[(https?:\/\/[^\s\]]+)(?:\s+[^\]]*)?\]/g, "$1")
    .replace(/'''?/g, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * The rows of the first table in `text`, each a list of cells as a reader sees them: header
 * (`!`) and data (`|`) cells, several per line with `!!` / `||`, attributes dropped, a caption
 * and the table's own attributes ignored, cells continued over several lines joined.
 */
export function parseWikitable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let inTable = false;
  let inCaption = false;
  const flush = () => {
    if (row && row.length > 0) rows.push(row.map((c) => plainWikitext(c)));
    row = null;
  };
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (!inTable) {
      if (line.startsWith("{|")) inTable = true;
      continue;
    }
    if (line.startsWith("|}")) break;
    if (line.startsWith("|+")) {
      inCaption = true;
      continue;
    }
    if (line.startsWith("|-")) {
      flush();
      row = [];
      inCaption = false;
      continue;
    }
    const header = line.startsWith("!");
    if (header || line.startsWith("|")) {
      inCaption = false;
      row ??= [];
      const body = line.slice(1);
      const cells = header ? splitCells(body, "!!").flatMap((c) => splitCells(c, "||")) : splitCells(body, "||");
      for (const c of cells) row.push(cellContent(c).trim());
    } else if (row && row.length > 0 && !inCaption && line) {
      row[row.length - 1] = `${row[row.length - 1]} ${line}`;
    }
  }
  flush();
  return rows;
}
