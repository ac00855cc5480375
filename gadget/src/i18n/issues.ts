/**
 * A validation issue in the user's language, from zod's issue code, its limits and rule, and
 * the field from the same message as the form's label (used by the on-demand modules' forms).
 */
import type { ValidationIssue } from "../../../shared/validation.ts";
import type { I18n, MessageKey } from "./index.ts";

/** The label of each field, by its path in a request body: the same keys as the forms' labels. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: "partnerhub-refer-name",
  wikidata: "partnerhub-wikidata",
  kind: "partnerhub-facet-kind",
  country: "partnerhub-facet-country",
  languages: "partnerhub-facet-language",
  offers: "partnerhub-facet-offer",
  projects: "partnerhub-projects",
  funding: "partnerhub-facet-funding",
  summary: "partnerhub-refer-summary",
  asks: "partnerhub-asks-heading",
  links: "partnerhub-links-heading",
  "contact.name": "partnerhub-refer-contact-name",
  "contact.email": "partnerhub-refer-contact-email",
  "contact.notes": "partnerhub-refer-contact-notes",
  affiliate: "partnerhub-claim-affiliate",
  message: "partnerhub-claim-message",
  reason: "partnerhub-action-reason",
  note: "partnerhub-action-note",
  stage: "partnerhub-action-stage",
  to: "partnerhub-action-handover-to",
  username: "partnerhub-devlogin-username",
};

const TOO_MANY: Record<string, MessageKey> = {
  languages: "partnerhub-issue-too-many-languages",
  asks: "partnerhub-issue-too-many-asks",
  links: "partnerhub-issue-too-many-links",
};

const RULES: Record<string, MessageKey> = {
  country: "partnerhub-issue-country",
  language: "partnerhub-issue-language",
  qid: "partnerhub-issue-qid",
  slug: "partnerhub-issue-slug",
  url: "partnerhub-issue-url",
  single_line: "partnerhub-issue-single-line",
  control: "partnerhub-issue-control",
  unique: "partnerhub-issue-unique",
  user_name: "partnerhub-issue-user-name",
  change_something: "partnerhub-issue-change-something",
};

/** The field an issue belongs to: `contact.email` stays whole, `languages.3` is `languages`. */
export function fieldOf(path: string): string {
  const [first = "", second] = path.split(".");
  return first === "contact" && second ? `${first}.${second}` : first;
}

/** One validation issue as a sentence, without the field's name. */
export function issueText(i18n: I18n, issue: ValidationIssue): string {
  const field = fieldOf(issue.path);
  const list = issue.origin === "array" || issue.origin === "set";
  switch (issue.code) {
    case "too_small": {
      const min = issue.minimum ?? 1;
      if (list) return min <= 1 ? i18n.t("partnerhub-issue-choose-one") : i18n.t("partnerhub-issue-too-few", min);
      return min <= 1 ? i18n.t("partnerhub-issue-required") : i18n.t("partnerhub-issue-too-short", min);
    }
    case "too_big": {
      const max = issue.maximum ?? 0;
      if (list) return i18n.t(TOO_MANY[field] ?? "partnerhub-issue-too-many", max);
      return i18n.t("partnerhub-issue-too-long", max);
    }
    case "invalid_format":
      if (issue.rule && RULES[issue.rule]) return i18n.t(RULES[issue.rule] as MessageKey);
      if (issue.format === "email") return i18n.t("partnerhub-issue-email");
      if (issue.format === "url") return i18n.t("partnerhub-issue-url");
      return i18n.t("partnerhub-issue-format");
    case "custom":
      return i18n.t((issue.rule && RULES[issue.rule]) || "partnerhub-issue-format");
    case "invalid_value":
      return i18n.t(field === "country" ? "partnerhub-issue-country" : "partnerhub-issue-choose");
    case "invalid_type":
      return i18n.t(issue.path ? "partnerhub-issue-required" : "partnerhub-issue-format");
    case "unrecognized_keys":
      return i18n.t("partnerhub-issue-unknown-field");
    default:
      return i18n.t("partnerhub-issue-format");
  }
}

/** "Country: Choose a country from the list." — the field named as the form labels it. */
export function issueLine(i18n: I18n, issue: ValidationIssue): string {
  const label = FIELD_LABELS[fieldOf(issue.path)];
  const text = issueText(i18n, issue);
  return label ? i18n.t("partnerhub-issue-field", i18n.t(label), text) : text;
}
