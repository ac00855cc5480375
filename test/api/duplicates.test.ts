/** Duplicate detection at referral: by Wikidata item, website domain and name, also under races. */
import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { DuplicateList } from "../../shared/api.ts";
import { commit } from "../../worker/storage/commit.ts";
import { insertPartner } from "../../worker/storage/partners.ts";
import { call, db, expectError, bodyOf, makePartner, partnerInput, signIn } from "./helpers.ts";

const refer = async (body: Record<string, unknown>, by = "Dana Referrer") =>
  call("POST", "/partners", { token: await signIn(by), body: partnerInput(body) });

describe("POST /partners finds possible duplicates", () => {
  it("answers 409 possible_duplicate for a similar name, naming the partner and why", async () => {
    const id = await makePartner({ name: "Muzeum Śląskie w Katowicach", country: "PL" });
    const err = await expectError(await refer({ name: "Slaskie Museum, Katowicach" }), 409, "possible_duplicate");
    expect(err.details.candidates).toEqual([{ id, name: "Muzeum Śląskie w Katowicach", why: ["name"] }]);
    expect(err.params).toEqual({ candidate: id, candidateName: "Muzeum Śląskie w Katowicach" });
  });

  it("creates it anyway when the referrer confirms it is new", async () => {
    await makePartner({ name: "Stadtmuseum Ravensburg" });
    const res = await refer({ name: "Stadt-Museum Ravensburg", confirmNew: true });
    expect(res.status).toBe(201);
    expect((await bodyOf(res, PartnerDetail)).id).toBe("stadt-museum-ravensburg");
  });

  it("finds the same website domain with or without www, http or https and paths", async () => {
    const id = await makePartner({ name: "Domain Test Gallery", website: "https://www.domain-test.example/" });
    for (const website of ["http://domain-test.example", "https://domain-test.example/en/about?x=1"]) {
      const err = await expectError(
        await refer({ name: "Something Else Entirely", website }),
        409,
        "possible_duplicate",
      );
      expect(err.details.candidates).toEqual([{ id, name: "Domain Test Gallery", why: ["website"] }]);
    }
    expect((await refer({ name: "Another Place", website: "https://other.example/" })).status).toBe(201);
  });

  it("never gives the same Wikidata item a second partner, even with confirmNew", async () => {
    const id = await makePartner({ wikidata: "Q98765401", name: "Item Holder" });
    const err = await expectError(await refer({ wikidata: "Q98765401", confirmNew: true }), 409, "conflict");
    expect(err.details).toEqual({ partner: id });
  });

  it("does not stop a partner that merely shares a kind word", async () => {
    await makePartner({ name: "Museum of Tin Toys" });
    expect((await refer({ name: "Museum of Glass Beads" })).status).toBe(201);
  });
});

describe("GET /partners/duplicates", () => {
  it("answers the candidates for a name, an item and a website as the form is typed", async () => {
    const id = await makePartner({
      name: "Biblioteka Narodowa Testowa",
      wikidata: "Q98765402",
      website: "https://bn-test.example",
    });
    const byName = await bodyOf(
      await call("GET", `/partners/duplicates?name=${encodeURIComponent("Narodowa Testowa Biblioteka")}`),
      DuplicateList,
    );
    expect(byName.candidates).toEqual([{ id, name: "Biblioteka Narodowa Testowa", why: ["name"] }]);
    const all = await bodyOf(
      await call(
        "GET",
        `/partners/duplicates?name=x&wikidata=Q98765402&website=${encodeURIComponent("www.bn-test.example/o-nas")}`,
      ),
      DuplicateList,
    );
    expect(all.candidates).toEqual([{ id, name: "Biblioteka Narodowa Testowa", why: ["wikidata", "website"] }]);
    expect(
      (await bodyOf(await call("GET", "/partners/duplicates?name=Nothing%20Like%20It"), DuplicateList)).candidates,
    ).toEqual([]);
  });

  it("refuses a malformed Wikidata id", async () => {
    await expectError(await call("GET", "/partners/duplicates?wikidata=123"), 422, "validation_failed");
  });
});

describe("two people referring the same institution at the same moment", () => {
  it("makes one partner; every other referral gets possible_duplicate naming it", async () => {
    const people = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay"];
    const tokens = await Promise.all(people.map((p) => signIn(`${p} Simultaneous`)));
    const spellings = ["Muzeum Górnicze Race", "Muzeum Gornicze Race", "Górnicze Muzeum, Race"];
    const answers = await Promise.all(
      tokens.map((token, i) =>
        call("POST", "/partners", { token, body: partnerInput({ name: spellings[i % spellings.length] }) }),
      ),
    );
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const winner = (await bodyOf(created[0]!, PartnerDetail)).id;
    for (const res of answers.filter((r) => r.status !== 201)) {
      const err = await expectError(res, 409, "possible_duplicate");
      expect((err.details.candidates ?? []).map((c) => c.id)).toEqual([winner]);
    }
  });

  it("is held by the database itself: an insert racing past the check rolls back", async () => {
    await makePartner({ name: "Guarded Insert Archive" });
    const at = new Date().toISOString();
    const result = await commit(
      db,
      insertPartner(
        db,
        {
          name: "Archive, Guarded Insert",
          wikidata: null,
          website: null,
          kind: "archive",
          country: "DE",
          languages: ["de"],
          offers: ["images"],
          projects: [],
          funding: "none",
          summary: "",
          asks: [],
          links: [],
          id: "guarded-insert-archive-x",
          referredBy: "Racer",
          referredFor: null,
          contact: { name: "", email: "", notes: "" },
          at,
        },
        { at, actor: "Racer", type: "partner.referred", partner: "guarded-insert-archive-x" },
        false,
      ),
    );
    expect(result).toEqual({ ok: false, reason: "stale" });
    expect(await db.prepare("SELECT 1 FROM partner WHERE id = 'guarded-insert-archive-x'").first()).toBeNull();
  });
});
