// The table of directory-query cases against the backend's GET /partners (workerd and Node).
import { beforeAll, describe, expect, it } from "vitest";
import { PartnerList } from "../../shared/api.ts";
import { call, bodyOf, makeAffiliate, makeClaim, makePartner } from "./helpers.ts";
import { SEARCH_AFFILIATE, SEARCH_CASES, SEARCH_PARTNERS, type SearchPartner } from "./directory-search.cases.ts";

const tag = `tag${crypto.randomUUID().slice(0, 8)}`;
const ids = new Map<string, SearchPartner>();

beforeAll(async () => {
  const affiliate = await makeAffiliate({ id: `helvetica-tests-${tag}` });
  for (const [key, p] of Object.entries(SEARCH_PARTNERS) as [SearchPartner, (typeof SEARCH_PARTNERS)[string]][]) {
    const id = await makePartner({ ...p, summary: `${p.summary} ${tag}` });
    ids.set(id, key);
    if (SEARCH_AFFILIATE.claims.includes(key)) await makeClaim(id, affiliate, "Search Volunteer");
  }
});

describe("GET /partners answers the directory's query table", () => {
  for (const c of SEARCH_CASES) {
    it(c.says, async () => {
      const params = new URLSearchParams({ q: `${c.q ?? ""} ${tag}`, limit: "500" });
      if (c.language) params.set("language", c.language.join(","));
      if (c.kind) params.set("kind", c.kind.join(","));
      const res = await call("GET", `/partners?${params}`);
      expect(res.status).toBe(200);
      const body = await bodyOf(res, PartnerList);
      expect(body.partners.map((p) => ids.get(p.id))).toEqual(c.finds);
      expect(body.total).toBe(c.finds.length);
    });
  }
});
