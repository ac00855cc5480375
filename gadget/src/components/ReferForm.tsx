/**
 * Refer a partner (in the on-demand forms module). Checked with the backend's own schema,
 * so the messages match what the backend would answer; its 422 issues land
 * on the same fields. Nothing typed is lost on an error.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { COUNTRY_CODES } from "../../../shared/countries.ts";
import { LANGUAGE_TAGS } from "../../../shared/languages.ts";
import type { ValidationIssue } from "../../../shared/validation.ts";
import { FUNDING, PARTNER_KINDS } from "../../../shared/vocabulary.ts";
import type { DuplicateList } from "../../../shared/api.ts";
import type { WikidataFacts } from "../intake/wikidata.ts";
import { BackendError } from "../api/errors.ts";
import { referralPayload, emptyReferral, type ReferralDraft } from "../forms/referral-draft.ts";
import { validateReferral } from "../forms/validate-referral.ts";
import { fieldOf, issueLine, issueText } from "../i18n/issues.ts";
import { DUPLICATES } from "../state/actions/intake.ts";
import { referPartner } from "../state/actions/partners.ts";
import { useStore } from "../state/context.ts";
import { discardDraft, readDraft, saveDraft } from "../state/drafts.ts";
import { useAction } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Field, OffersAndProjects } from "./Field.tsx";
import { useLabels } from "./Labels.tsx";
import { Message } from "./Message.tsx";
import { OnIntake } from "./OnIntake.tsx";
import { CountryPicker, LanguagePicker } from "./Picker.tsx";

/** The first issue of each field (`contact.email`, `languages`…), as the schema or the backend found it. */
const byField = (issues: ValidationIssue[]) => {
  const out: Record<string, ValidationIssue> = {};
  for (const i of issues) out[fieldOf(i.path) || "form"] ??= i;
  return out;
};

/** The form's draft survives tab switches and reloads (state/drafts.ts) until sent or discarded. */
const DRAFT = "refer";

export function ReferForm() {
  const store = useStore();
  const { i18n } = store;
  const labels = useLabels();
  const [draft, setDraft] = useState<ReferralDraft>(() => {
    const kept = readDraft(DRAFT, emptyReferral());
    // A draft kept before the language picker holds its languages as typed text.
    return Array.isArray(kept.languages) ? kept : { ...kept, languages: [] };
  });
  useEffect(() => saveDraft(DRAFT, draft), [draft]);
  const typed = JSON.stringify(draft) !== JSON.stringify(emptyReferral());
  const [found, setIssues] = useState<Record<string, ValidationIssue>>({});
  // The pickers keep what is typed in them; a discarded draft starts them afresh.
  const [fresh, setFresh] = useState(0);
  const issues = Object.fromEntries(Object.entries(found).map(([f, i]) => [f, issueText(i18n, i)]));
  const action = useAction();
  // After a refused submit, move focus (and the view) to the summary of what to correct, at the top.
  const summary = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) summary.current?.focus();
  }, [refused]);
  const set =
    <K extends keyof ReferralDraft>(k: K) =>
    (v: ReferralDraft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));
  const toggle = (k: "offers" | "projects", v: string, on: boolean) =>
    setDraft((d) => ({ ...d, [k]: on ? [...d[k], v] : d[k].filter((x) => x !== v) }));
  const [confirmNew, setConfirmNew] = useState(false);
  const input = (k: "name" | "wikidata" | "website" | "contactName" | "contactEmail") => ({
    id: `partnerhub-refer-${k}`,
    class: "cdx-text-input__input",
    dir: "auto" as const,
    value: draft[k],
    onInput: (e: Event) => set(k)((e.currentTarget as HTMLInputElement).value),
  });

  // A Wikidata item chosen in the look-up fills what it knows; the pickers start afresh to show it.
  const fill = (item: WikidataFacts) => {
    setDraft((d) => ({
      ...d,
      name: item.name || d.name,
      wikidata: item.id,
      website: item.website ?? d.website,
      country: item.country && COUNTRY_CODES.has(item.country) ? item.country : d.country,
      kind: item.kind ?? d.kind,
    }));
    setFresh((n) => n + 1);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const done = await action.run(async () => {
      const check = validateReferral({ ...referralPayload(draft), confirmNew });
      if (!check.ok) {
        setIssues(byField(check.issues));
        setRefused((n) => n + 1);
        return null;
      }
      setIssues({});
      try {
        return await referPartner(store, check.value);
      } catch (err) {
        if (err instanceof BackendError && err.kind === "validation") {
          setIssues(byField(err.issues));
          setRefused((n) => n + 1);
        }
        // Someone referred it meanwhile: show who, as the check while typing would have.
        if (err instanceof BackendError && err.code === "possible_duplicate") {
          const found = (err.details as Partial<DuplicateList> | undefined)?.candidates ?? [];
          store.resource(DUPLICATES).value = { status: "ready", value: { candidates: found } };
          setConfirmNew(false);
        }
        throw err;
      }
    });
    if (done) {
      discardDraft(DRAFT);
      store.navigate({ view: "partner", partner: done.id });
    }
  }

  const text = (k: "summary" | "asks" | "contactNotes", rows: number) => (
    <div class="cdx-text-area">
      <textarea
        id={`partnerhub-refer-${k}`}
        class="cdx-text-area__textarea"
        dir="auto"
        rows={rows}
        value={draft[k]}
        onInput={(e) => set(k)((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
  const optional = i18n.t("partnerhub-optional");
  // A picker's input is the field's control: the field's error describes it.
  const picker = (k: "country" | "languages") => ({
    key: `${k}-${fresh}`,
    id: `partnerhub-refer-${k}`,
    invalid: Boolean(issues[k]),
    describedBy: issues[k] ? `partnerhub-refer-${k}-error` : undefined,
  });

  return (
    <form class="partnerhub-refer" onSubmit={submit} noValidate aria-labelledby="partnerhub-refer-title">
      <h2 id="partnerhub-refer-title">{i18n.t("partnerhub-refer-title")}</h2>
      <p>{i18n.t("partnerhub-refer-intro")}</p>
      {Object.keys(issues).length > 0 && (
        <div ref={summary} tabIndex={-1} class="partnerhub-refer__summary">
          <Message type="error">
            {i18n.t("partnerhub-refer-fix", Object.keys(issues).length)}
            <ul>
              {Object.entries(found).map(([field, issue]) => (
                <li key={field}>{issueLine(i18n, issue)}</li>
              ))}
            </ul>
          </Message>
        </div>
      )}
      <Field id="partnerhub-refer-name" label={i18n.t("partnerhub-refer-name")} error={issues.name}>
        <div class="cdx-text-input">
          <input {...input("name")} />
        </div>
      </Field>
      <OnIntake
        quiet
        render={({ WikidataLookup }) => <WikidataLookup store={store} name={draft.name} onChoose={fill} />}
      />
      <Field
        id="partnerhub-refer-wikidata"
        label={i18n.t("partnerhub-wikidata")}
        optional={optional}
        help={i18n.t("partnerhub-refer-wikidata-help")}
        error={issues.wikidata}
      >
        <div class="cdx-text-input">
          <input {...input("wikidata")} />
        </div>
      </Field>
      <Field
        id="partnerhub-refer-website"
        label={i18n.t("partnerhub-refer-website")}
        optional={optional}
        error={issues.website}
      >
        <div class="cdx-text-input">
          <input {...input("website")} type="url" />
        </div>
      </Field>
      <OnIntake
        quiet
        render={({ DuplicatePanel }) => (
          <DuplicatePanel store={store} draft={draft} confirmNew={confirmNew} onConfirmNew={setConfirmNew} />
        )}
      />
      <Field id="partnerhub-refer-kind" label={i18n.t("partnerhub-facet-kind")} error={issues.kind}>
        <select
          id="partnerhub-refer-kind"
          class="cdx-select"
          value={draft.kind}
          onChange={(e) => set("kind")((e.currentTarget as HTMLSelectElement).value)}
        >
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {labels.label("kind", k)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="partnerhub-refer-country"
        label={i18n.t("partnerhub-facet-country")}
        help={i18n.t("partnerhub-refer-country-help")}
        error={issues.country}
      >
        <CountryPicker {...picker("country")} codes={COUNTRY_CODES} value={draft.country} onChange={set("country")} />
      </Field>
      <Field
        id="partnerhub-refer-languages"
        label={i18n.t("partnerhub-facet-language")}
        help={i18n.t("partnerhub-refer-languages-help")}
        error={issues.languages}
      >
        <LanguagePicker
          {...picker("languages")}
          tags={LANGUAGE_TAGS}
          values={draft.languages}
          onChange={set("languages")}
        />
      </Field>
      <OffersAndProjects
        id="partnerhub-refer"
        offers={draft.offers}
        projects={draft.projects}
        onToggle={toggle}
        error={issues.offers}
      />
      <Field id="partnerhub-refer-funding" label={i18n.t("partnerhub-facet-funding")} error={issues.funding}>
        <select
          id="partnerhub-refer-funding"
          class="cdx-select"
          value={draft.funding}
          onChange={(e) => set("funding")((e.currentTarget as HTMLSelectElement).value)}
        >
          {FUNDING.map((f) => (
            <option key={f} value={f}>
              {labels.label("funding", f)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="partnerhub-refer-summary"
        label={i18n.t("partnerhub-refer-summary")}
        optional={optional}
        error={issues.summary}
      >
        {text("summary", 4)}
      </Field>
      <Field
        id="partnerhub-refer-asks"
        label={i18n.t("partnerhub-asks-heading")}
        optional={optional}
        help={i18n.t("partnerhub-refer-asks-help")}
        error={issues.asks}
      >
        {text("asks", 3)}
      </Field>
      <h3>{i18n.t("partnerhub-contact-heading")}</h3>
      <p class="partnerhub-muted">{i18n.t("partnerhub-refer-contact-help")}</p>
      <Field
        id="partnerhub-refer-contactName"
        label={i18n.t("partnerhub-refer-contact-name")}
        optional={optional}
        error={issues["contact.name"]}
      >
        <div class="cdx-text-input">
          <input {...input("contactName")} />
        </div>
      </Field>
      <Field
        id="partnerhub-refer-contactEmail"
        label={i18n.t("partnerhub-refer-contact-email")}
        optional={optional}
        error={issues["contact.email"]}
      >
        <div class="cdx-text-input">
          <input {...input("contactEmail")} type="email" />
        </div>
      </Field>
      <Field
        id="partnerhub-refer-contactNotes"
        label={i18n.t("partnerhub-refer-contact-notes")}
        optional={optional}
        error={issues["contact.notes"]}
      >
        {text("contactNotes", 3)}
      </Field>
      {action.error !== null && <ErrorMessage error={action.error} />}
      <button
        type="submit"
        class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
        disabled={action.busy}
      >
        {i18n.t("partnerhub-refer-submit")}
      </button>
      {typed && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet cdx-button--action-destructive"
          onClick={() => {
            discardDraft(DRAFT);
            setDraft(emptyReferral());
            setIssues({});
            setFresh((n) => n + 1);
          }}
        >
          {i18n.t("partnerhub-draft-discard")}
        </button>
      )}
    </form>
  );
}
