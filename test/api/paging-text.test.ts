/** Cursors carry any text: a page may end on a name in any script, and the next page follows it. */
import { describe, expect, it } from "vitest";
import { PartnerList } from "../../shared/api.ts";
import { call, bodyOf, makePartner } from "./helpers.ts";

describe("GET /partners cursors", () => {
  it("page through names outside Latin-1 (Polish, Greek, Chinese, Arabic, an emoji) without gaps or repeats", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const names = ["Łódź Museum", "Ωmega Archive", "北京图书馆", "مكتبة الإسكندرية", "🦉 Owl Society", "Ærø Library"];
    for (const name of names) await makePartner({ name: `${tag} ${name}` });
    for (const sort of ["name", "-name", "country", "-updated"]) {
      const all = await bodyOf(await call("GET", `/partners?q=${tag}&sort=${sort}&limit=100`), PartnerList);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await call("GET", `/partners?q=${tag}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        expect(res.status, `${sort} after ${seen.length}`).toBe(200);
        const page: { partners: Array<{ id: string }>; nextCursor: string | null } = await bodyOf(res, PartnerList);
        seen.push(...page.partners.map((p) => p.id));
        cursor = page.nextCursor;
        if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      } while (cursor);
      expect(seen, sort).toEqual(all.partners.map((p) => p.id));
      expect(seen).toHaveLength(names.length);
    }
  });

  it("refuses a cursor that is not valid UTF-8 with 400", async () => {
    const res = await call("GET", `/partners?cursor=${btoa("\xff\xfe[").replace(/=+$/, "")}`);
    expect(res.status).toBe(400);
  });
});
