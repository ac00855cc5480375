/**
 * A coordinator (or the referrer) edits every field of a partner. The save sends only the
 * changed fields with `If-Match`; when someone else saved first (412), their version is loaded,
 * the user's changes are kept on top of it, and the fields both changed are shown side by
 * side (theirs, yours) to settle before saving again. Nothing typed is lost.
 */
import { useState } from "preact/hooks";
import { PartnerPatch, type PartnerDetail } from "../../../../shared/schemas.ts";
import { COUNTRY_CODES } from "../../../../shared/countries.ts";
import { LANGUAGE_TAGS } from "../../../../shared/languages.ts";
import { describeIssue } from "../../../../shared/validation.ts";
import { FUNDING, PARTNER_KINDS } from "../../../../shared/vocabulary.ts";
import { BackendError } from "../../api/errors.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { Field, OffersAndProjects } from "../../components/Field.tsx";
import { useLabels } from "../../components/Labels.tsx";
import { Message } from "../../components/Message.tsx";
import { CountryPicker, LanguagePicker } from "../../components/Picker.tsx";
import { partnerKey, partnerLoader } from "../../state/actions/partners.ts";
import { currentPartner, editPartner } from "../../state/actions/roles.ts";
import { loaded as loadedValue } from "../../state/async.ts";
import { formatRoute } from "../../directory/query.ts";
import { fieldOf, issueText } from "../../i18n/issues.ts";
import { useStore } from "../../state/context.ts";
import { useAction, useResource } from "../../state/hooks.ts";
import {
  draftFromPartner,
  editPayload,
  patchFor,
  rebase,
  type EditableField,
  type PartnerDraft,
  withField,
} from "../partner-draft.ts";

interface Editing {
  base: PartnerDraft;
  version: number;
  draft: PartnerDraft;
  hasContact: boolean;
  /** After a 412: what is stored now and the user's draft at that moment, field by field. */
  conflict: { theirs: PartnerDraft; mine: PartnerDraft; fields: EditableField[] } | null;
}

const start = (p: PartnerDetail): Editing => ({
  base: draftFromPartner(p),
  version: p.version,
  draft: draftFromPartner(p),
  hasContact: p.contact !== undefined,
  conflict: null,
});

export function PartnerEditor({ partner }: { partner: string | null }) {
  const store = useStore();
  const { i18n } = store;
  const id = partner ?? "";
  const detail = useResource(partnerKey(id), partnerLoader(store, id), [id]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const value = loadedValue(detail);
  if (!value && detail.status === "error") return <ErrorMessage error={detail.error} />;
  if (!value) return <Message>{i18n.t("partnerhub-loading-view")}</Message>;
  const state = editing ?? start(value);
  return <EditForm id={value.id} name={value.name} state={state} setState={setEditing} />;
}

function EditForm({
  id,
  name,
  state,
  setState,
}: {
  id: string;
  name: string;
  state: Editing;
  setState: (s: Editing) => void;
}) {
  const store = useStore();
  const { i18n } = store;
  const labels = useLabels();
  const action = useAction();
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);
  const { draft } = state;
  const set = <K extends keyof PartnerDraft>(k: K, v: PartnerDraft[K]) =>
    setState({ ...state, draft: { ...draft, [k]: v } });
  const toggle = (k: "offers" | "projects", v: string, on: boolean) =>
    set(k, on ? [...draft[k], v] : draft[k].filter((x) => x !== v));
  const fieldLabel = (f: EditableField) => i18n.t(`partnerhub-edit-field-${f}`);

  async function save(e: Event) {
    e.preventDefault();
    const patch = patchFor(state.base, draft, state.hasContact);
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length === 0) return;
    const check = PartnerPatch.safeParse(patch);
    if (!check.success) {
      const out: Record<string, string> = {};
      for (const issue of check.error.issues)
        out[String(issue.path[0] ?? "form")] ??= issueText(i18n, describeIssue(issue));
      setIssues(out);
      return;
    }
    setIssues({});
    await action.run(async () => {
      try {
        await editPartner(store, id, state.version, patch);
      } catch (err) {
        if (err instanceof BackendError && err.status === 412) {
          const current = await currentPartner(store, id);
          const theirs = draftFromPartner(current);
          const { merged, conflicts } = rebase(state.base, draft, theirs);
          setState({
            base: theirs,
            version: current.version,
            draft: merged,
            hasContact: current.contact !== undefined,
            conflict: { theirs, mine: draft, fields: conflicts },
          });
          return;
        }
        if (err instanceof BackendError && err.kind === "validation") {
          const out: Record<string, string> = {};
          for (const i of err.issues) out[fieldOf(i.path) || "form"] ??= issueText(i18n, i);
          setIssues(out);
        }
        throw err;
      }
    });
  }

  const text = (k: "name" | "wikidata" | "website" | "contactName" | "contactEmail") => (
    <div class="cdx-text-input">
      <input
        id={`partnerhub-edit-${k}`}
        class="cdx-text-input__input"
        dir="auto"
        value={draft[k]}
        type={(k === "contactEmail" ? "email" : k === "website" ? "url" : "text") as "text"}
        onInput={(e) => set(k, (e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
  const area = (k: "summary" | "asks" | "links" | "contactNotes", rows: number) => (
    <div class="cdx-text-area">
      <textarea
        id={`partnerhub-edit-${k}`}
        class="cdx-text-area__textarea"
        dir="auto"
        rows={rows}
        value={draft[k]}
        onInput={(e) => set(k, (e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
  const select = (k: "kind" | "funding", values: readonly string[], vocabulary: "kind" | "funding") => (
    <select
      id={`partnerhub-edit-${k}`}
      class="cdx-select"
      value={draft[k]}
      onChange={(e) => set(k, (e.currentTarget as HTMLSelectElement).value)}
    >
      {values.map((v) => (
        <option key={v} value={v}>
          {labels.label(vocabulary, v)}
        </option>
      ))}
    </select>
  );
  // A picker's input is the field's control: the field's error describes it.
  const picker = (k: "country" | "languages") => ({
    id: `partnerhub-edit-${k}`,
    invalid: Boolean(issues[k]),
    describedBy: issues[k] ? `partnerhub-edit-${k}-error` : undefined,
  });
  const field = (k: keyof PartnerDraft, f: EditableField, control: preact.ComponentChildren, help?: string) => (
    <Field id={`partnerhub-edit-${k}`} label={fieldLabel(f)} help={help} error={issues[f]}>
      {control}
    </Field>
  );
  const conflict = state.conflict;
  const shown = (f: EditableField, d: PartnerDraft) => {
    const v = editPayload(d)[f];
    if (Array.isArray(v)) return v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ");
    if (v && typeof v === "object") return Object.values(v).filter(Boolean).join(" · ");
    return v === null || v === "" ? "—" : String(v);
  };
  const takeTheirs = (f: EditableField) =>
    conflict &&
    setState({
      ...state,
      draft: withField(draft, conflict.theirs, f),
      conflict: { ...conflict, fields: conflict.fields.filter((x) => x !== f) },
    });

  return (
    <form class="partnerhub-edit" onSubmit={save} noValidate aria-labelledby="partnerhub-edit-title">
      <a
        class="partnerhub-back"
        href={formatRoute({ ...store.route.value, view: "partner", partner: id })}
        onClick={(e) => (e.preventDefault(), store.navigate({ view: "partner", partner: id }))}
      >
        {i18n.t("partnerhub-edit-back")}
      </a>
      <h2 id="partnerhub-edit-title">{i18n.t("partnerhub-edit-title", name)}</h2>
      {conflict && (
        <section class="partnerhub-conflict" aria-labelledby="partnerhub-conflict-title">
          <Message type="warning">
            <strong id="partnerhub-conflict-title">{i18n.t("partnerhub-edit-conflict-title")}</strong>{" "}
            {i18n.t("partnerhub-edit-conflict-text")}
          </Message>
          {conflict.fields.length > 0 && (
            <table class="cdx-table__table partnerhub-conflict__table">
              <caption>{i18n.t("partnerhub-edit-conflict-caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t("partnerhub-edit-conflict-field")}</th>
                  <th scope="col">{i18n.t("partnerhub-edit-conflict-theirs")}</th>
                  <th scope="col">{i18n.t("partnerhub-edit-conflict-yours")}</th>
                  <th scope="col">
                    <span class="partnerhub-visually-hidden">{i18n.t("partnerhub-edit-conflict-choose")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {conflict.fields.map((f) => (
                  <tr key={f}>
                    <th scope="row">{fieldLabel(f)}</th>
                    <td>
                      <bdi>{shown(f, conflict.theirs)}</bdi>
                    </td>
                    <td>
                      <bdi>{shown(f, conflict.mine)}</bdi>
                    </td>
                    <td>
                      <button type="button" class="cdx-button cdx-button--weight-quiet" onClick={() => takeTheirs(f)}>
                        {i18n.t("partnerhub-edit-conflict-take-theirs")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {Object.keys(issues).length > 0 && (
        <Message type="error">{i18n.t("partnerhub-refer-fix", Object.keys(issues).length)}</Message>
      )}
      {field("name", "name", text("name"))}
      {field("wikidata", "wikidata", text("wikidata"), i18n.t("partnerhub-refer-wikidata-help"))}
      {field("website", "website", text("website"))}
      {field("kind", "kind", select("kind", PARTNER_KINDS, "kind"))}
      {field(
        "country",
        "country",
        <CountryPicker
          {...picker("country")}
          codes={COUNTRY_CODES}
          value={draft.country}
          onChange={(v) => set("country", v)}
        />,
        i18n.t("partnerhub-refer-country-help"),
      )}
      {field(
        "languages",
        "languages",
        <LanguagePicker
          {...picker("languages")}
          tags={LANGUAGE_TAGS}
          values={draft.languages}
          onChange={(v) => set("languages", v)}
        />,
        i18n.t("partnerhub-refer-languages-help"),
      )}
      <OffersAndProjects
        id="partnerhub-edit"
        offers={draft.offers}
        projects={draft.projects}
        onToggle={toggle}
        error={issues.offers}
      />
      {field("funding", "funding", select("funding", FUNDING, "funding"))}
      {field("summary", "summary", area("summary", 4))}
      {field("asks", "asks", area("asks", 3), i18n.t("partnerhub-refer-asks-help"))}
      {field("links", "links", area("links", 3), i18n.t("partnerhub-edit-links-help"))}
      {state.hasContact && (
        <fieldset class="partnerhub-field">
          <legend>{fieldLabel("contact")}</legend>
          <Field
            id="partnerhub-edit-contactName"
            label={i18n.t("partnerhub-refer-contact-name")}
            error={issues.contact}
          >
            {text("contactName")}
          </Field>
          <Field id="partnerhub-edit-contactEmail" label={i18n.t("partnerhub-refer-contact-email")}>
            {text("contactEmail")}
          </Field>
          <Field id="partnerhub-edit-contactNotes" label={i18n.t("partnerhub-refer-contact-notes")}>
            {area("contactNotes", 3)}
          </Field>
        </fieldset>
      )}
      {unchanged && <Message>{i18n.t("partnerhub-edit-unchanged")}</Message>}
      {action.error !== null && <ErrorMessage error={action.error} />}
      <div class="partnerhub-edit__buttons">
        <button
          type="submit"
          class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
          disabled={action.busy}
        >
          {i18n.t(conflict ? "partnerhub-edit-save-again" : "partnerhub-edit-save")}
        </button>
        <button type="button" class="cdx-button" onClick={() => store.navigate({ view: "partner", partner: id })}>
          {i18n.t("partnerhub-cancel")}
        </button>
      </div>
    </form>
  );
}
