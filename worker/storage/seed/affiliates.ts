/** The affiliate landscape the demo directory uses: real Wikimedia affiliates, with the countries they serve. */
import type { AffiliateKind, Offer } from "../../../shared/vocabulary.ts";

export interface SeedAffiliate {
  id: string;
  name: string;
  kind: AffiliateKind;
  wikiPage: string;
  countries: string[];
  languages: string[];
  capabilities: Offer[];
}

const a = (
  id: string,
  name: string,
  kind: AffiliateKind,
  countries: string[],
  languages: string[],
  capabilities: Offer[],
  wikiPage = name,
): SeedAffiliate => ({ id, name, kind, wikiPage, countries, languages, capabilities });

export const SEED_AFFILIATES: SeedAffiliate[] = [
  a(
    "wikimedia-deutschland",
    "Wikimedia Deutschland",
    "chapter",
    ["DE"],
    ["de"],
    ["images", "data", "training", "residency", "editathon"],
  ),
  a(
    "wikimedia-uk",
    "Wikimedia UK",
    "chapter",
    ["GB"],
    ["en", "cy", "gd"],
    ["images", "training", "residency", "editathon", "course"],
  ),
  a("wikimedia-france", "Wikimédia France", "chapter", ["FR"], ["fr"], ["images", "text", "training", "editathon"]),
  a("wikimedia-polska", "Wikimedia Polska", "chapter", ["PL"], ["pl"], ["images", "training", "editathon"]),
  a("wikimedia-cz", "Wikimedia Česká republika", "chapter", ["CZ"], ["cs"], ["images", "training", "course"]),
  a("wikimedia-italia", "Wikimedia Italia", "chapter", ["IT"], ["it"], ["images", "data", "text", "editathon"]),
  a(
    "wikimedia-espana",
    "Wikimedia España",
    "chapter",
    ["ES"],
    ["es", "ca", "eu", "gl"],
    ["images", "editathon", "training"],
  ),
  a("wikimedia-sverige", "Wikimedia Sverige", "chapter", ["SE"], ["sv"], ["images", "data", "residency", "training"]),
  a("wikimedia-norge", "Wikimedia Norge", "chapter", ["NO"], ["nb", "nn", "se"], ["images", "training"]),
  a("wikimedia-nederland", "Wikimedia Nederland", "chapter", ["NL"], ["nl", "fy"], ["images", "data", "residency"]),
  a("wikimedia-osterreich", "Wikimedia Österreich", "chapter", ["AT"], ["de"], ["images", "editathon"]),
  a("wikimedia-ch", "Wikimedia CH", "chapter", ["CH"], ["de", "fr", "it", "rm"], ["images", "data", "training"]),
  a(
    "wikimedia-argentina",
    "Wikimedia Argentina",
    "chapter",
    ["AR"],
    ["es"],
    ["training", "course", "editathon", "images"],
  ),
  a("wikimedia-mexico", "Wikimedia México", "chapter", ["MX"], ["es"], ["editathon", "training", "images"]),
  a("wikimedia-chile", "Wikimedia Chile", "chapter", ["CL"], ["es"], ["images", "editathon"]),
  a("wikimedia-canada", "Wikimedia Canada", "chapter", ["CA"], ["en", "fr"], ["images", "editathon", "training"]),
  a("wikimedia-israel", "Wikimedia Israel", "chapter", ["IL"], ["he", "ar"], ["images", "course", "training"]),
  a("wikimedia-ukraine", "Wikimedia Ukraine", "chapter", ["UA"], ["uk"], ["images", "editathon", "training"]),
  a("wikimedia-serbia", "Wikimedia Serbia", "chapter", ["RS"], ["sr"], ["images", "course", "editathon"]),
  a("wikimedia-armenia", "Wikimedia Armenia", "chapter", ["AM"], ["hy"], ["course", "training", "editathon"]),
  a(
    "wikimedia-indonesia",
    "Wikimedia Indonesia",
    "chapter",
    ["ID"],
    ["id", "jv", "su"],
    ["images", "training", "editathon"],
  ),
  a("wikimedia-taiwan", "Wikimedia Taiwan", "chapter", ["TW"], ["zh-Hant"], ["images", "editathon"]),
  a("wikimedia-bangladesh", "Wikimedia Bangladesh", "chapter", ["BD"], ["bn"], ["images", "editathon", "training"]),
  a("wikimedia-portugal", "Wikimedia Portugal", "chapter", ["PT"], ["pt"], ["images", "editathon"]),
  a("wiki-education", "Wiki Education", "other", ["US"], ["en"], ["course", "training"], "Wiki Education Foundation"),
  a(
    "wiki-movimento-brasil",
    "Wiki Movimento Brasil",
    "user_group",
    ["BR"],
    ["pt"],
    ["images", "data", "course", "residency"],
    "Wiki Movimento Brasil User Group",
  ),
  a(
    "wikimedia-nigeria",
    "Wikimedia User Group Nigeria",
    "user_group",
    ["NG"],
    ["en", "yo", "ig", "ha"],
    ["training", "editathon", "images"],
  ),
  a("wikimedia-ghana", "Wikimedia Ghana User Group", "user_group", ["GH"], ["en", "tw"], ["training", "editathon"]),
  a("wikimedians-of-kerala", "Wikimedians of Kerala", "user_group", ["IN"], ["ml"], ["images", "editathon", "text"]),
  a(
    "wikimedia-tunisia",
    "Wikimedia Community User Group Tunisia",
    "user_group",
    ["TN"],
    ["ar", "fr"],
    ["training", "editathon"],
  ),
  a("wikimedia-egypt", "Egypt Wikimedians User Group", "user_group", ["EG"], ["ar", "arz"], ["editathon", "training"]),
  a(
    "wikimedia-kenya",
    "Wikimedia Community User Group Kenya",
    "user_group",
    ["KE"],
    ["en", "sw"],
    ["training", "editathon"],
  ),
  a(
    "art-feminism",
    "Art+Feminism",
    "thematic",
    [],
    ["en", "es", "fr"],
    ["editathon", "training"],
    "Art+Feminism User Group",
  ),
  a("wikidata-community", "Wikidata Community User Group", "thematic", [], ["en"], ["data"]),
  a("wikiproject-med", "WikiProject Med Foundation", "thematic", [], ["en"], ["text", "training", "data"]),
  a("wikisource-community", "Wikisource Community User Group", "thematic", [], ["en", "fr", "bn"], ["text"]),
];
