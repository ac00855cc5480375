/**
 * Refer a partner. Checked with the backend's own schema (loaded on demand),
 * so the messages match what the backend would answer; its 422 issues land
 * on the same fields. Nothing typed is lost on an error.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { FUNDING, OFFERS, PARTNER_KINDS, PROJECTS } from "../../../shared/vocabulary.ts";
import { BackendError, type FieldIssue } from "../api/errors.ts";
import { loadForms } from "../forms/load.ts";
import { referralPayload, emptyReferral, type ReferralDraft } from "../forms/referral-draft.ts";
import { DUPLICATES } from "../state/actions/intake.ts";
import { referPartner } from "../state/actions/partners.ts";
import { useStore } from "../state/context.ts";
import { discardDraft, readDraft, saveDraft } from "../state/drafts.ts";
import { useAction } from "../state/hooks.ts";
import { DuplicateCandidates, probeOf, useDuplicateCheck } from "./DuplicateCheck.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Checkbox, Field } from "./Field.tsx";
import { useLabels } from "./Labels.tsx";
import { Message } from "./Message.tsx";
import { SignInButton } from "./SignInButton.tsx";

const byField = (issues: FieldIssue[]) => {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.path.split(".")[0] || "form";
    out[field] ??= i.message;
  }
  return out;
};

/** The form's draft survives tab switches and reloads (state/drafts.ts) until sent or discarded. */
const DRAFT = "refer";

export function ReferForm() {
  const store = useStore();
  const { i18n, session } = store;
  const labels = useLabels();
  const [draft, setDraft] = useState<ReferralDraft>(() => readDraft(DRAFT, emptyReferral()));
  useEffect(() => saveDraft(DRAFT, draft), [draft]);
  const typed = JSON.stringify(draft) !== JSON.stringify(emptyReferral());
  const [issues, setIssues] = useState<Record<string, string>>({});
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
  const candidates = useDuplicateCheck(probeOf(draft));
  const [confirmNew, setConfirmNew] = useState(false);
  const input = (k: "name" | "wikidata" | "website" | "country" | "languages" | "contactName" | "contactEmail") => ({
    id: `partnerhub-refer-${k}`,
    class: "cdx-text-input__input",
    value: draft[k],
    onInput: (e: Event) => set(k)((e.currentTarget as HTMLInputElement).value),
  });

  if (!session.value) {
    return (
      <Message>
        {i18n.t("partnerhub-refer-sign-in")} <SignInButton />
      </Message>
    );
  }

  async function submit(e: Event) {
    e.preventDefault();
    const done = await action.run(async () => {
      const forms = await loadForms(store.config.formsModule, store.host.using);
      const check = forms.validateReferral({ ...referralPayload(draft), confirmNew });
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
          const found = (err.details as { candidates?: typeof candidates } | undefined)?.candidates ?? [];
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
        rows={rows}
        value={draft[k]}
        onInput={(e) => set(k)((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
  const optional = i18n.t("partnerhub-optional");

  return (
    <form class="partnerhub-refer" onSubmit={submit} noValidate aria-labelledby="partnerhub-refer-title">
      <h2 id="partnerhub-refer-title">{i18n.t("partnerhub-refer-title")}</h2>
      <p>{i18n.t("partnerhub-refer-intro")}</p>
      {Object.keys(issues).length > 0 && (
        <div ref={summary} tabIndex={-1} class="partnerhub-refer__summary">
          <Message type="error">{i18n.t("partnerhub-refer-fix", Object.keys(issues).length)}</Message>
        </div>
      )}
      <Field id="partnerhub-refer-name" label={i18n.t("partnerhub-refer-name")} error={issues.name}>
        <div class="cdx-text-input">
          <input {...input("name")} />
        </div>
      </Field>
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
      <DuplicateCandidates candidates={candidates} confirmNew={confirmNew} onConfirmNew={setConfirmNew} />
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
        <div class="cdx-text-input">
          <input {...input("country")} maxLength={2} />
        </div>
      </Field>
      <Field
        id="partnerhub-refer-languages"
        label={i18n.t("partnerhub-facet-language")}
        help={i18n.t("partnerhub-refer-languages-help")}
        error={issues.languages}
      >
        <div class="cdx-text-input">
          <input {...input("languages")} />
        </div>
      </Field>
      <fieldset class="partnerhub-field">
        <legend>{i18n.t("partnerhub-facet-offer")}</legend>
        {OFFERS.map((o) => (
          <Checkbox
            key={o}
            id={`partnerhub-refer-offer-${o}`}
            label={labels.label("offer", o)}
            checked={draft.offers.includes(o)}
            onChange={(on) => toggle("offers", o, on)}
          />
        ))}
        {issues.offers && (
          <Message type="error" inline>
            {issues.offers}
          </Message>
        )}
      </fieldset>
      <fieldset class="partnerhub-field">
        <legend>{i18n.t("partnerhub-projects")}</legend>
        {PROJECTS.map((p) => (
          <Checkbox
            key={p}
            id={`partnerhub-refer-project-${p}`}
            label={labels.label("project", p)}
            checked={draft.projects.includes(p)}
            onChange={(on) => toggle("projects", p, on)}
          />
        ))}
      </fieldset>
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
        error={issues.contact}
      >
        <div class="cdx-text-input">
          <input {...input("contactName")} />
        </div>
      </Field>
      <Field id="partnerhub-refer-contactEmail" label={i18n.t("partnerhub-refer-contact-email")} optional={optional}>
        <div class="cdx-text-input">
          <input {...input("contactEmail")} type="email" />
        </div>
      </Field>
      <Field id="partnerhub-refer-contactNotes" label={i18n.t("partnerhub-refer-contact-notes")} optional={optional}>
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
          }}
        >
          {i18n.t("partnerhub-draft-discard")}
        </button>
      )}
    </form>
  );
}
