/** Importing a list: the preview of a 40-row list, its commit, atomicity, the row limit, and the same list as a wikitable. */
import { beforeAll, describe, expect, it } from "vitest";
import { EventList } from "../../shared/api.ts";
import { ImportPreview } from "../../shared/api.ts";
import { PartnerDetail } from "../../shared/schemas.ts";
import { call, COORDINATOR, db, expectError, bodyOf, makePartner, signIn } from "./helpers.ts";
import { asCsv, asWikitable, DIRECTORY, HEADERS, listRows, ROWS } from "./import-list.ts";

const importList = async (body: Record<string, unknown>, by = COORDINATOR) =>
  call("POST", "/partners/import", { token: await signIn(by), body });

const count = async (table: "partner" | "event") =>
  (await db.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

const directoryIds: string[] = [];
beforeAll(async () => {
  for (const p of DIRECTORY) {
    directoryIds.push(
      await makePartner({
        name: p.name,
        country: p.country,
        website: p.website,
        wikidata: p.wikidata,
        confirmNew: true,
      }),
    );
  }
});

describe("POST /partners/import, the preview", () => {
  it("says exactly what a 40-row list would create, which rows may be duplicates, and which are bad", async () => {
    const before = [await count("partner"), await count("event")];
    const res = await importList({ format: "csv", text: asCsv(listRows()), dryRun: true });
    expect(res.status).toBe(200);
    const p = await bodyOf(res, ImportPreview);
    expect(p).toMatchObject({ format: "csv", headers: HEADERS, rows: 40, committed: false });
    expect(p.columns).toEqual({
      name: "Institution",
      country: "Country",
      website: "Website",
      wikidata: "Wikidata",
      kind: "Type",
      languages: "Languages",
      offers: "Offers",
      contactEmail: "E-mail",
    });
    expect(p.create).toHaveLength(31);
    expect(p.duplicates.map((d: { row: number }) => d.row)).toEqual([
      ...ROWS.directoryDuplicates,
      ...ROWS.fileDuplicates,
    ]);
    const [byName, byWebsite, byItem, inFileName, inFileSite] = p.duplicates;
    expect(byName?.candidates).toEqual([{ id: directoryIds[0], name: DIRECTORY[0].name, why: ["name"] }]);
    expect(byWebsite?.candidates).toEqual([{ id: directoryIds[1], name: DIRECTORY[1].name, why: ["website", "name"] }]);
    expect(byItem).toMatchObject({ candidates: [{ id: directoryIds[2], why: ["wikidata"] }], confirmable: false });
    expect(inFileName).toMatchObject({ candidates: [], sameAs: [3], confirmable: true });
    expect(inFileSite).toMatchObject({ candidates: [], sameAs: [4], confirmable: true });
    expect(p.errors).toEqual([
      {
        row: ROWS.bad.unknownCountry,
        column: "Country",
        field: "country",
        code: "unknown_country",
        params: { value: "Atlantis" },
      },
      { row: ROWS.bad.missingName, column: "Institution", field: "name", code: "required", params: {} },
      {
        row: ROWS.bad.emailAsWebsite,
        column: "Website",
        field: "website",
        code: "not_a_website",
        params: { value: "info@mail-confused.example" },
      },
      {
        row: ROWS.bad.formula,
        column: "Institution",
        field: "name",
        code: "formula",
        params: { value: '=HYPERLINK("https://evil.example","Click")' },
      },
    ]);
    expect([await count("partner"), await count("event")]).toEqual(before);
  });

  it("gives the same preview for the same list pasted as a wikitable", async () => {
    const csv = await bodyOf(await importList({ format: "csv", text: asCsv(listRows()), dryRun: true }), ImportPreview);
    const wiki = await bodyOf(
      await importList({ format: "wikitable", text: asWikitable(listRows()), dryRun: true }),
      ImportPreview,
    );
    expect({ ...wiki, format: "csv" }).toEqual(csv);
  });

  it("reports every fault of a row at once, each field once", async () => {
    const text = [
      "Name,Country,Website,Contact email",
      ",Atlantis,https://exa mple.org/,not-an-email",
      "Museum of Many Faults,Atlantis,https://ok.example/,not-an-email",
    ].join("\n");
    const p = await bodyOf(await importList({ format: "csv", text, dryRun: true }), ImportPreview);
    expect(p.create).toEqual([]);
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, "name", "required"],
      [2, "country", "unknown_country"],
      [2, "website", "not_a_website"],
      [2, "contactEmail", "not_an_email"],
      [3, "country", "unknown_country"],
      [3, "contactEmail", "not_an_email"],
    ]);
  });

  it("reads TSV and takes a mapping it is given", async () => {
    const text = "Nom\tPays\nMusée du Test TSV\tFR\n";
    const p = await bodyOf(
      await importList({ format: "tsv", text, columns: { name: "Nom", country: "Pays" } }),
      ImportPreview,
    );
    expect(p.create).toEqual([{ row: 2, id: "musee-du-test-tsv", name: "Musée du Test TSV" }]);
    await expectError(await importList({ format: "tsv", text, columns: { name: "Name" } }), 422, "validation_failed");
  });

  it("is for coordinators only", async () => {
    await expectError(await importList({ format: "csv", text: "Name\nX" }, "Plain User"), 403, "forbidden");
  });

  it("refuses a list of 1,001 rows and takes one of 1,000", async () => {
    const rows = (n: number) =>
      ["Name,Country", ...Array.from({ length: n }, (_, i) => `Limit ${i} Place,DE`)].join("\n");
    const err = await expectError(await importList({ format: "csv", text: rows(1001) }), 413, "payload_too_large");
    expect(err.params).toEqual({ max: 1000, rows: 1001 });
    expect((await importList({ format: "csv", text: rows(1000) })).status).toBe(200);
  });
});

describe("POST /partners/import, the commit", () => {
  it("creates the 31 partners with one event each and one summary event, and skips the rest", async () => {
    const before = [await count("partner"), await count("event")];
    const res = await importList({ format: "csv", text: asCsv(listRows()), dryRun: false });
    expect(res.status).toBe(200);
    const p = await bodyOf(res, ImportPreview);
    expect(p.committed).toBe(true);
    expect([await count("partner"), await count("event")]).toEqual([before[0]! + 31, before[1]! + 32]);
    const first = await bodyOf(await call("GET", `/partners/${p.create[0]?.id}`), PartnerDetail);
    expect(first).toMatchObject({ name: "Aachen Museum", country: "DE", kind: "museum", languages: ["en"] });
    const feed = await bodyOf(await call("GET", "/events?order=desc&limit=1"), EventList);
    expect(feed.events[0]).toMatchObject({
      type: "partners.imported",
      data: { rows: 40, created: 31, duplicates: 5, errors: 4 },
    });
    // Imported again, every row is now a duplicate of the directory (or still bad).
    const again = await bodyOf(
      await importList({ format: "csv", text: asCsv(listRows()), dryRun: true }),
      ImportPreview,
    );
    expect(again.create).toEqual([]);
  });

  it("creates a row confirmed as new, but never a second partner for the same Wikidata item", async () => {
    const text = asCsv(listRows());
    const confirmNew = [ROWS.fileDuplicates[0], ROWS.directoryDuplicates[2]];
    const p = await bodyOf(await importList({ format: "csv", text, dryRun: true, confirmNew }), ImportPreview);
    expect(p.create.map((c: { row: number }) => c.row)).toContain(ROWS.fileDuplicates[0]);
    expect(p.duplicates.map((d: { row: number }) => d.row)).toContain(ROWS.directoryDuplicates[2]);
  });

  it("leaves nothing behind when it fails in the middle of the commit", async () => {
    const names = Array.from(
      { length: 120 },
      (_, i) => `Atomic ${String.fromCharCode(65 + (i % 26))}${i} Heritage Site`,
    );
    const victim = names[110];
    // A real failure inside the batch: the 111th row's insert is refused by the database, after two chunks went in.
    await db
      .prepare(
        `CREATE TRIGGER fail_import_row BEFORE INSERT ON partner WHEN NEW.name = '${victim}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
      )
      .run();
    try {
      const before = [await count("partner"), await count("event")];
      const res = await importList({
        format: "csv",
        text: ["Name,Country", ...names.map((n) => `${n},DE`)].join("\n"),
        dryRun: false,
      });
      expect(res.status).toBe(500);
      expect([await count("partner"), await count("event")]).toEqual(before);
    } finally {
      await db.prepare("DROP TRIGGER fail_import_row").run();
    }
  });
});
