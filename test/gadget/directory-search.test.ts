// The table of directory-query cases against the gadget's filter (the backend answers the same table).
import { describe, expect, it } from "vitest";
import { filterPartners, indexPartners } from "../../gadget/src/directory/filter.ts";
import { emptyQuery } from "../../gadget/src/directory/query.ts";
import { SEARCH_AFFILIATE, SEARCH_CASES, SEARCH_PARTNERS, type SearchPartner } from "../api/directory-search.cases.ts";
import { partner } from "./fixtures.tsx";

const AFFILIATE = "helvetica-tests";
const partners = (Object.entries(SEARCH_PARTNERS) as [SearchPartner, (typeof SEARCH_PARTNERS)[string]][]).map(
  ([key, p]) => partner({ ...p, id: key, interested: SEARCH_AFFILIATE.claims.includes(key) ? [AFFILIATE] : [] }),
);
const index = indexPartners(partners, undefined, (id) => (id === AFFILIATE ? SEARCH_AFFILIATE.name : undefined));

describe("the gadget's filter answers the directory's query table", () => {
  for (const c of SEARCH_CASES) {
    it(c.says, () => {
      const query = emptyQuery();
      query.q = c.q ?? "";
      query.facets.language = c.language ?? [];
      query.facets.kind = c.kind ?? [];
      expect(filterPartners(index, query).partners.map((p) => p.id)).toEqual(c.finds);
    });
  }
});
