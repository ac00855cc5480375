/**
 * The list the import tests read, as CSV and as the same table in wikitext: 40 rows, of which
 * 3 repeat partners already in the directory, 2 repeat earlier rows, and 4 are bad.
 */
export const HEADERS = ["Institution", "Country", "Website", "Wikidata", "Type", "Languages", "Offers", "E-mail"];

/** Partners made in the directory before the import. */
export const DIRECTORY = [
  { name: "Muzeum Regionalne w Kaliszu", country: "PL", website: null, wikidata: null },
  { name: "Harbour Archive Trust", country: "GB", website: "https://harbour-archive.example/", wikidata: null },
  { name: "Bibliothèque de Saint-Malo", country: "FR", website: null, wikidata: "Q98700001" },
] as const;

const TOWNS = [
  "Aachen",
  "Bergen",
  "Coimbra",
  "Dubrovnik",
  "Eindhoven",
  "Faro",
  "Ghent",
  "Heidelberg",
  "Innsbruck",
  "Jyvaskyla",
  "Krakow",
  "Ljubljana",
  "Maastricht",
  "Nantes",
  "Oulu",
  "Porto",
  "Quimper",
  "Rostock",
  "Salzburg",
  "Tartu",
  "Uppsala",
  "Valencia",
  "Wroclaw",
  "Xanten",
  "York",
  "Zaragoza",
  "Bologna",
  "Cordoba",
  "Dresden",
  "Erfurt",
  "Florence",
];
const KINDS = ["Museum", "Library", "Archive", "University", "Gallery"];
const KIND_TYPE: Record<string, string> = {
  Museum: "museum",
  Library: "library",
  Archive: "archive",
  University: "university",
  Gallery: "museum",
};

export type Row = string[];

/** The 40 data rows in order; row numbers in the preview are these plus 2 (the header is row 1). */
export function listRows(): Row[] {
  const good: Row[] = TOWNS.map((town, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const slug = town.toLowerCase();
    return [
      i % 7 === 3 ? `${kind} of ${town}, Old Town` : `${town} ${kind}`,
      ["DE", "Poland", "Frankreich", "es", "IT"][i % 5]!,
      i % 3 === 0 ? `www.${slug}-${kind.toLowerCase()}.example` : `https://${slug}-${kind.toLowerCase()}.example/about`,
      "",
      KIND_TYPE[kind]!,
      i % 2 ? "de; en" : "en",
      i % 2 ? "images, data" : "training",
      `info@${slug}.example`,
    ];
  });
  const rows: Row[] = [...good.slice(0, 10)];
  // Three that the directory already has: by name, by website, by Wikidata item.
  rows.push(["Regionalne Muzeum, Kaliszu", "PL", "", "", "museum", "pl", "images", ""]);
  rows.push(["Trust of the Harbour Archives", "GB", "http://www.harbour-archive.example/visit", "", "", "en", "", ""]);
  rows.push(["Médiathèque Saint-Malo", "FR", "", "https://www.wikidata.org/wiki/Q98700001", "library", "fr", "", ""]);
  rows.push(...good.slice(10, 20));
  // Two that repeat earlier rows of the list: by name and by website.
  rows.push([`${TOWNS[1]} Bibliothek`, "DE", "", "", "library", "de", "", ""]);
  rows.push([
    "Something Else Entirely",
    "ES",
    `https://${TOWNS[2]!.toLowerCase()}-archive.example/`,
    "",
    "",
    "es",
    "",
    "",
  ]);
  // Four bad ones.
  rows.push(["Museum of Atlantis", "Atlantis", "", "", "museum", "en", "", ""]);
  rows.push(["", "DE", "https://nameless.example", "", "", "de", "", ""]);
  rows.push(["Mail Confused Library", "DE", "info@mail-confused.example", "", "library", "de", "", ""]);
  rows.push(['=HYPERLINK("https://evil.example","Click")', "DE", "", "", "", "de", "", ""]);
  rows.push(...good.slice(20));
  return rows;
}

/** Row numbers (header = 1) of the special rows above. */
export const ROWS = {
  directoryDuplicates: [12, 13, 14],
  fileDuplicates: [25, 26],
  bad: { unknownCountry: 27, missingName: 28, emailAsWebsite: 29, formula: 30 },
};

function csvCell(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function asCsv(rows: Row[], sep = ","): string {
  return [HEADERS, ...rows].map((r) => r.map(sep === "," ? csvCell : (c) => c).join(sep)).join("\r\n");
}

/** The same table as wikitext, written the ways people write tables: one cell per line, `||`, attributes. */
export function asWikitable(rows: Row[]): string {
  const lines = ['{| class="wikitable sortable"', "|+ Institutions from the conference", `! ${HEADERS.join(" !! ")}`];
  rows.forEach((r, i) => {
    lines.push("|-");
    if (i % 3 === 0) {
      lines.push(`| style="font-weight:bold" | ${r[0]}`);
      for (const c of r.slice(1)) lines.push(`| ${c}`);
    } else if (i % 3 === 1 && r[2]?.startsWith("https://")) {
      lines.push(`| ${r[0]} || ${r[1]} || [${r[2]} site] || ${r.slice(3).join(" || ")}`);
    } else {
      lines.push(`| ${r.join(" || ")}`);
    }
  });
  lines.push("|}");
  return lines.join("\n");
}
