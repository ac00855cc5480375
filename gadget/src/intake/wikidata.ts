/**
 * Reading Wikidata for the referral form: `wbsearchentities` for the items a typed name may be
 * (in the user's language, as Wikidata ranks them), then `wbgetentities` for the chosen one:
 * its label, country (P17, as the ISO code on the country's own item, P297), official website
 * (P856) and what it is an instance of (P31, mapped to the hub's kinds where a common class
 * says which). Through whatever `mw.ForeignApi` the host gives; no request leaves otherwise.
 */
import type { PartnerKind } from "../../../shared/vocabulary.ts";
import type { WikiApi } from "../api/directory-source.ts";

/** Wikidata's action API, unless the configuration names another (`wikidataApi`, `data-wikidata-api`). */
export const WIKIDATA_API = "https://www.wikidata.org/w/api.php";

/** `mw.ForeignApi` on the wiki page (anonymous: no cookies cross); null where there is no ResourceLoader. */
export function pageForeignApi(apiUrl: string, userAgent = "partnerhub-gadget"): PromiseLike<WikiApi> | null {
  if (typeof mw === "undefined" || !mw.loader) return null;
  return mw.loader
    .using("mediawiki.ForeignApi")
    .then(() => new mw.ForeignApi(apiUrl, { anonymous: true, ajax: { headers: { "Api-User-Agent": userAgent } } }));
}

export interface WikidataHit {
  id: string;
  /** The label in the user's language or its fallbacks; else the term that matched (Czech, say). */
  label: string;
  /** The language of `label`, for the `lang` attribute. */
  language: string;
  description: string;
}

export interface WikidataFacts {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, or null when the item names no country with a code. */
  country: string | null;
  website: string | null;
  kind: PartnerKind | null;
}

interface Term {
  value: string;
  language: string;
}
interface SearchAnswer {
  search?: {
    id: string;
    label?: string;
    description?: string;
    display?: { label?: Term; description?: Term };
    match: { type: string; language?: string; text: string };
  }[];
  error?: { code: string; info: string };
}
interface Statement {
  rank: "preferred" | "normal" | "deprecated";
  mainsnak: { snaktype: string; datavalue?: { value: unknown } };
}
interface Entity {
  id: string;
  missing?: string;
  labels?: Record<string, Term>;
  claims?: Record<string, Statement[]>;
}
interface EntitiesAnswer {
  entities?: Record<string, Entity>;
  error?: { code: string; info: string };
}

/** Common classes of P31 and the hub's kind each is; anything else leaves the kind as chosen. */
const KIND_OF_CLASS: Record<string, PartnerKind> = {
  Q33506: "museum", // museum
  Q207694: "museum", // art museum
  Q1595639: "museum", // local museum
  Q588140: "museum", // history museum
  Q1970365: "museum", // natural history museum
  Q2668072: "museum", // national museum
  Q1007870: "museum", // art gallery
  Q7075: "library", // library
  Q22806: "library", // national library
  Q28564: "library", // public library
  Q1438040: "library", // research library
  Q856234: "library", // academic library
  Q166118: "archive", // archive
  Q3918: "university", // university
  Q875538: "university", // public university
  Q902104: "university", // private university
  Q38723: "university", // higher education institution
  Q955824: "society", // learned society
  Q48204: "society", // voluntary association
  Q4830453: "company", // business
  Q783794: "company", // company
  Q327333: "government", // government agency
};

class WikidataError extends Error {
  override name = "WikidataError";
}

function refused(answer: { error?: { code: string; info: string } }): void {
  if (answer.error) throw new WikidataError(`${answer.error.code}: ${answer.error.info}`);
}

/** The best-ranked statements' values of a property: preferred ones if any, else normal ones. */
function values(entity: Entity, property: string): unknown[] {
  const statements = (entity.claims?.[property] ?? []).filter(
    (s) => s.rank !== "deprecated" && s.mainsnak.snaktype === "value",
  );
  const preferred = statements.filter((s) => s.rank === "preferred");
  return (preferred.length > 0 ? preferred : statements).map((s) => s.mainsnak.datavalue?.value);
}

const itemIds = (entity: Entity, property: string) =>
  values(entity, property).flatMap((v) => {
    const id = (v as { id?: unknown } | undefined)?.id;
    return typeof id === "string" ? [id] : [];
  });
const strings = (entity: Entity, property: string) =>
  values(entity, property).filter((v): v is string => typeof v === "string");

export function wikidataClient(api: WikiApi, lang: string) {
  const get = (params: Record<string, string | number>) =>
    Promise.resolve(api.get({ format: "json", formatversion: 2, errorformat: "plaintext", ...params }));
  return {
    async search(text: string, limit = 5): Promise<WikidataHit[]> {
      const answer = (await get({
        action: "wbsearchentities",
        search: text,
        language: lang,
        uselang: lang,
        type: "item",
        limit,
      })) as SearchAnswer;
      refused(answer);
      return (answer.search ?? []).map((hit) => ({
        id: hit.id,
        label: hit.display?.label?.value ?? hit.label ?? hit.match.text,
        language: hit.display?.label?.language ?? hit.match.language ?? lang,
        description: hit.display?.description?.value ?? hit.description ?? "",
      }));
    },

    async facts(id: string): Promise<WikidataFacts> {
      const answer = (await get({
        action: "wbgetentities",
        ids: id,
        props: "labels|claims",
        languages: lang,
        languagefallback: 1,
      })) as EntitiesAnswer;
      refused(answer);
      const entity = answer.entities?.[id];
      if (!entity || entity.missing !== undefined) throw new WikidataError(`${id} is not on Wikidata`);
      const labels = Object.values(entity.labels ?? {});
      const countryItem = itemIds(entity, "P17")[0];
      const kind = itemIds(entity, "P31")
        .map((c) => KIND_OF_CLASS[c])
        .find(Boolean);
      return {
        id,
        name: entity.labels?.[lang]?.value ?? labels[0]?.value ?? "",
        country: countryItem ? await countryCode(countryItem) : null,
        website: strings(entity, "P856")[0] ?? null,
        kind: kind ?? null,
      };
    },
  };

  /** The country item's own ISO 3166-1 alpha-2 code (P297). */
  async function countryCode(item: string): Promise<string | null> {
    const answer = (await get({ action: "wbgetentities", ids: item, props: "claims" })) as EntitiesAnswer;
    refused(answer);
    const country = answer.entities?.[item];
    return (country && strings(country, "P297")[0]) ?? null;
  }
}
