/** Codex CSS-only field: label, control, help text and a validation message. */
import type { ComponentChildren } from "preact";

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
            <span class="cdx-message__icon" />
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
