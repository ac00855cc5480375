/**
 * Import (coordinators): paste a list or choose a file, see which column the backend reads as
 * which field (and change it), preview what would be created, which rows may be duplicates
 * (each can be confirmed as new, row by row) and which rows are bad, then import in one go.
 */
import { useState } from "preact/hooks";
import type { ImportPreview, ImportRequest } from "../../../shared/api.ts";
import { IMPORT_FIELDS, type ImportField } from "../../../shared/import-fields.ts";
import type { MessageKey } from "../i18n/index.ts";
import { importList } from "../state/actions/intake.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Checkbox, Field } from "../components/Field.tsx";
import { Message } from "../components/Message.tsx";

type Format = ImportRequest["format"];
type Issue = ImportPreview["errors"][number];

/** Each field's label, and each reason a row is refused, in words. */
const FIELD_LABELS: Record<ImportField, MessageKey> = {
  name: "partnerhub-import-field-name",
  wikidata: "partnerhub-import-field-wikidata",
  website: "partnerhub-import-field-website",
  kind: "partnerhub-import-field-kind",
  country: "partnerhub-import-field-country",
  languages: "partnerhub-import-field-languages",
  offers: "partnerhub-import-field-offers",
  projects: "partnerhub-import-field-projects",
  funding: "partnerhub-import-field-funding",
  summary: "partnerhub-import-field-summary",
  asks: "partnerhub-import-field-asks",
  contactName: "partnerhub-import-field-contact-name",
  contactEmail: "partnerhub-import-field-contact-email",
  notes: "partnerhub-import-field-notes",
};
const ISSUES: Record<Issue["code"], MessageKey> = {
  required: "partnerhub-import-issue-required",
  unknown_country: "partnerhub-import-issue-unknown-country",
  unknown_value: "partnerhub-import-issue-unknown-value",
  not_a_website: "partnerhub-import-issue-not-a-website",
  not_an_email: "partnerhub-import-issue-not-an-email",
  not_a_wikidata_item: "partnerhub-import-issue-not-a-wikidata-item",
  formula: "partnerhub-import-issue-formula",
  too_long: "partnerhub-import-issue-too-long",
  invalid: "partnerhub-import-issue-invalid",
};

export function ImportPage() {
  const store = useStore();
  const { i18n } = store;
  const [format, setFormat] = useState<Format>("csv");
  const [text, setText] = useState("");
  const [columns, setColumns] = useState<Partial<Record<ImportField, string>> | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [confirmed, setConfirmed] = useState<number[]>([]);
  const action = useAction();

  if (!store.me.value?.roles.coordinator) return <Message>{i18n.t("partnerhub-import-coordinators")}</Message>;

  const send = (dryRun: boolean) =>
    action.run(async () => {
      const answer = await importList(store, {
        format,
        text,
        dryRun,
        confirmNew: confirmed,
        ...(columns ? { columns } : {}),
      });
      setPreview(answer);
      setColumns(answer.columns);
      return answer;
    });

  async function chooseFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setText(await file.text());
    if (/\.tsv$|\.tab$/i.test(file.name)) setFormat("tsv");
    else if (/\.csv$/i.test(file.name)) setFormat("csv");
    setPreview(null);
    setColumns(null);
  }

  const toCreate = (p: ImportPreview) =>
    p.create.length + confirmed.filter((r) => p.duplicates.some((d) => d.row === r && d.confirmable)).length;
  const issueText = (e: Issue) => i18n.t(ISSUES[e.code], String(e.params.value ?? e.params.max ?? ""));

  return (
    <section class="partnerhub-import" aria-labelledby="partnerhub-import-title">
      <h2 id="partnerhub-import-title">{i18n.t("partnerhub-import-title")}</h2>
      <p>{i18n.t("partnerhub-import-intro")}</p>
      <Field id="partnerhub-import-format" label={i18n.t("partnerhub-import-format")}>
        <select
          id="partnerhub-import-format"
          class="cdx-select"
          value={format}
          onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as Format)}
        >
          <option value="csv">{i18n.t("partnerhub-import-format-csv")}</option>
          <option value="tsv">{i18n.t("partnerhub-import-format-tsv")}</option>
          <option value="wikitable">{i18n.t("partnerhub-import-format-wikitable")}</option>
        </select>
      </Field>
      <Field id="partnerhub-import-file" label={i18n.t("partnerhub-import-file")}>
        <input id="partnerhub-import-file" type="file" accept=".csv,.tsv,.txt,text/csv" onChange={chooseFile} />
      </Field>
      <Field id="partnerhub-import-text" label={i18n.t("partnerhub-import-text")}>
        <div class="cdx-text-area">
          <textarea
            id="partnerhub-import-text"
            class="cdx-text-area__textarea"
            dir="auto"
            rows={8}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setPreview(null);
            }}
          />
        </div>
      </Field>
      {preview && preview.headers.length > 0 && (
        <fieldset class="partnerhub-field">
          <legend>{i18n.t("partnerhub-import-columns")}</legend>
          {IMPORT_FIELDS.map((f) => (
            <Field key={f} id={`partnerhub-import-col-${f}`} label={i18n.t(FIELD_LABELS[f])}>
              <select
                id={`partnerhub-import-col-${f}`}
                class="cdx-select"
                value={columns?.[f] ?? ""}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value;
                  const next = { ...columns };
                  if (v) next[f] = v;
                  else delete next[f];
                  setColumns(next);
                }}
              >
                <option value="">—</option>
                {preview.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </fieldset>
      )}
      <button type="button" class="cdx-button" disabled={!text.trim() || action.busy} onClick={() => send(true)}>
        {i18n.t("partnerhub-import-preview")}
      </button>
      {action.error !== null && <ErrorMessage error={action.error} />}
      {preview && (
        <div class="partnerhub-import__preview">
          {preview.committed ? (
            <Message type="success">{i18n.t("partnerhub-import-done", preview.create.length)}</Message>
          ) : (
            <Message>
              {i18n.t(
                "partnerhub-import-summary",
                preview.create.length,
                preview.duplicates.length,
                new Set(preview.errors.map((e) => e.row)).size,
              )}
            </Message>
          )}
          {preview.duplicates.length > 0 && (
            <section>
              <h3>{i18n.t("partnerhub-import-duplicates")}</h3>
              <ul>
                {preview.duplicates.map((d) => (
                  <li key={d.row}>
                    {i18n.bdi("partnerhub-import-duplicate-line", d.row, d.name, [
                      ...d.candidates.map((c) => c.name),
                      ...d.sameAs.map((r) => i18n.t("partnerhub-import-row", r)),
                    ])}
                    {d.confirmable && !preview.committed && (
                      <Checkbox
                        id={`partnerhub-import-confirm-${d.row}`}
                        label={i18n.t("partnerhub-import-confirm-new", d.row)}
                        checked={confirmed.includes(d.row)}
                        onChange={(on) => setConfirmed((c) => (on ? [...c, d.row] : c.filter((r) => r !== d.row)))}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {preview.errors.length > 0 && (
            <section>
              <h3>{i18n.t("partnerhub-import-errors")}</h3>
              <ul>
                {preview.errors.map((e) => (
                  <li key={`${e.row}-${e.field}`}>
                    {i18n.bdi("partnerhub-import-error-line", e.row, e.column ?? e.field, issueText(e))}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {!preview.committed && toCreate(preview) > 0 && (
            <button
              type="button"
              class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
              disabled={action.busy}
              onClick={() => send(false)}
            >
              {i18n.t("partnerhub-import-commit", toCreate(preview))}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
