/** Codex CSS-only field: label, control, help text and a validation message. */
import type { ComponentChildren } from "preact";
import { OFFERS, PROJECTS } from "../../../shared/vocabulary.ts";
import { useStore } from "../state/context.ts";
import { projectLabel, useLabels } from "./Labels.tsx";
import { Message, MessageIcon } from "./Message.tsx";

interface FieldProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  optional?: string;
  children: ComponentChildren;
}

export function Field({ id, label, help, error, optional, children }: FieldProps) {
  return (
    <div class="cdx-field partnerhub-field">
      <div class="cdx-label">
        <label class="cdx-label__label" for={id}>
          <span class="cdx-label__label__text">{label}</span>
          {optional && <span class="cdx-label__label__optional-flag"> {optional}</span>}
        </label>
      </div>
      <div class="cdx-field__control">{children}</div>
      {help && <div class="cdx-field__help-text">{help}</div>}
      {error && (
        <div class="cdx-field__validation-message">
          <div class="cdx-message cdx-message--inline cdx-message--error" id={`${id}-error`}>
            <MessageIcon type="error" />
            <div class="cdx-message__content">{error}</div>
          </div>
        </div>
      )}
    </div>
  );
}

/** A Codex checkbox with its label. */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="cdx-checkbox">
      <div class="cdx-checkbox__wrapper">
        <input
          id={id}
          class="cdx-checkbox__input"
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="cdx-checkbox__icon" />
        <div class="cdx-checkbox__label cdx-label">
          <label for={id} class="cdx-label__label">
            <span class="cdx-label__label__text">{label}</span>
          </label>
        </div>
      </div>
    </div>
  );
}

/** A fieldset of checkboxes, one per vocabulary value, with the group's validation message. */
export function CheckboxGroup({
  id,
  legend,
  values,
  label,
  selected,
  onToggle,
  error,
}: {
  id: string;
  legend: string;
  values: readonly string[];
  label: (value: string) => string;
  selected: readonly string[];
  onToggle: (value: string, on: boolean) => void;
  error?: string;
}) {
  return (
    <fieldset class="partnerhub-field">
      <legend>{legend}</legend>
      {values.map((v) => (
        <Checkbox
          key={v}
          id={`${id}-${v}`}
          label={label(v)}
          checked={selected.includes(v)}
          onChange={(on) => onToggle(v, on)}
        />
      ))}
      {error && (
        <Message type="error" inline>
          {error}
        </Message>
      )}
    </fieldset>
  );
}

/** A partner's offers and projects as two checkbox groups (referral and edit forms). */
export function OffersAndProjects({
  id,
  offers,
  projects,
  onToggle,
  error,
}: {
  id: string;
  offers: readonly string[];
  projects: readonly string[];
  onToggle: (field: "offers" | "projects", value: string, on: boolean) => void;
  error?: string;
}) {
  const { i18n } = useStore();
  const labels = useLabels();
  return (
    <>
      <CheckboxGroup
        id={`${id}-offer`}
        legend={i18n.t("partnerhub-facet-offer")}
        values={OFFERS}
        label={(v) => labels.label("offer", v)}
        selected={offers}
        onToggle={(v, on) => onToggle("offers", v, on)}
        error={error}
      />
      <CheckboxGroup
        id={`${id}-project`}
        legend={i18n.t("partnerhub-projects")}
        values={PROJECTS}
        label={(v) => projectLabel(i18n, v)}
        selected={projects}
        onToggle={(v, on) => onToggle("projects", v, on)}
      />
    </>
  );
}
