/**
 * Searchable pickers for a country and for languages: a Codex CSS-only text input with a Codex
 * menu as its listbox (the ARIA 1.2 combobox pattern: arrows move, Enter picks, Escape closes).
 * Names are the user's language's (`Intl.DisplayNames`); search also finds the English name and
 * the code; the values stay ISO 3166-1 and BCP 47 codes. The input is as wide as its box, so
 * "مصر" is never cut to "مص".
 */
import { useMemo, useState } from "preact/hooks";
import { useStore } from "../state/context.ts";

interface Option {
  value: string;
  label: string;
  /** Folded names (the user's language's, then English) and the code, for matching. */
  names: string[];
}

const MAX_SHOWN = 50;
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

function names(lang: string, type: "region" | "language"): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type });
  } catch {
    return null;
  }
}

/** The codes as options named in `lang`, in that language's alphabetical order. */
export function pickerOptions(codes: Iterable<string>, type: "region" | "language", lang: string): Option[] {
  const local = names(lang, type);
  const english = names("en", type);
  const of = (n: Intl.DisplayNames | null, code: string) => {
    try {
      return n?.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return [...codes]
    .map((value) => {
      const label = of(local, value);
      return { value, label, names: [fold(label), fold(of(english, value)), value.toLowerCase()] };
    })
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

interface ComboboxProps {
  id: string;
  options: Option[];
  text: string;
  onText: (text: string) => void;
  onPick: (option: Option) => void;
  describedBy?: string;
  invalid?: boolean;
}

/** The input and its listbox; what a pick does is the caller's. */
function Combobox({ id, options, text, onText, onPick, describedBy, invalid }: ComboboxProps) {
  const { i18n } = useStore();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const q = fold(text.trim());
    if (!q) return options.slice(0, MAX_SHOWN);
    // The code or a whole name first, then names that start with the text, then the rest that contain it.
    const rank = (o: Option) =>
      o.names.includes(q) ? 0 : o.names.some((n) => n.startsWith(q)) ? 1 : o.names.some((n) => n.includes(q)) ? 2 : 3;
    return options
      .map((o) => ({ o, r: rank(o) }))
      .filter((x) => x.r < 3)
      .sort((a, b) => a.r - b.r)
      .slice(0, MAX_SHOWN)
      .map((x) => x.o);
  }, [options, text]);
  const listbox = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const pick = (o: Option | undefined) => {
    if (!o) return;
    onPick(o);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (open ? (a + step + shown.length) % Math.max(shown.length, 1) : 0));
      setOpen(true);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const expanded = open && text.trim() !== "";
  return (
    <div class="partnerhub-picker">
      <div class={`cdx-text-input${invalid ? " cdx-text-input--status-error" : ""}`}>
        <input
          id={id}
          class="cdx-text-input__input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listbox}
          aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={text}
          onInput={(e) => {
            onText((e.currentTarget as HTMLInputElement).value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
      </div>
      <div class="cdx-menu partnerhub-picker__menu" hidden={!expanded}>
        <div class="cdx-menu__listbox" role="listbox" id={listbox}>
          {shown.map((o, i) => (
            // Focus stays in the input (aria-activedescendant); -1 keeps the option out of the tab order.
            <div
              key={o.value}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={`cdx-menu-item cdx-menu-item--enabled${i === active ? " cdx-menu-item--highlighted" : ""}`}
              // Picked on mousedown, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              <span class="cdx-menu-item__content">
                <span class="cdx-menu-item__text">
                  <span class="cdx-menu-item__text__label">{o.label}</span>
                </span>
              </span>
            </div>
          ))}
        </div>
        {shown.length === 0 && (
          <div class="cdx-menu__no-results cdx-menu-item" role="status">
            {i18n.t("partnerhub-picker-no-results")}
          </div>
        )}
      </div>
    </div>
  );
}

interface PickerProps {
  id: string;
  describedBy?: string;
  invalid?: boolean;
}

/** One country: the text is what was typed; the value is set only when it names a country. */
export function CountryPicker({
  id,
  codes,
  value,
  onChange,
  ...rest
}: PickerProps & { codes: Iterable<string>; value: string; onChange: (code: string) => void }) {
  const { i18n } = useStore();
  const options = useMemo(() => pickerOptions(codes, "region", i18n.lang), [codes, i18n.lang]);
  const nameOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  const [text, setText] = useState(() => (value ? nameOf(value) : ""));
  return (
    <Combobox
      id={id}
      options={options}
      text={text}
      onText={(t) => {
        setText(t);
        // Typing a name exactly (in the user's language or English, or the code) counts as choosing it.
        const q = fold(t.trim());
        const exact = options.find((o) => o.names.includes(q));
        onChange(exact?.value ?? "");
      }}
      onPick={(o) => {
        setText(o.label);
        onChange(o.value);
      }}
      {...rest}
    />
  );
}

/** Several languages: chosen ones as chips (each removable), the input searches for more. */
export function LanguagePicker({
  id,
  tags,
  values,
  onChange,
  ...rest
}: PickerProps & { tags: readonly string[]; values: readonly string[]; onChange: (tags: string[]) => void }) {
  const { i18n } = useStore();
  const all = useMemo(() => pickerOptions(tags, "language", i18n.lang), [tags, i18n.lang]);
  const options = useMemo(() => all.filter((o) => !values.includes(o.value)), [all, values]);
  const chosen = useMemo(() => pickerOptions(values, "language", i18n.lang), [values, i18n.lang]);
  const [text, setText] = useState("");
  return (
    <div class="partnerhub-languages">
      {values.length > 0 && (
        <ul class="partnerhub-languages__chosen">
          {values.map((tag) => {
            const label = chosen.find((o) => o.value === tag)?.label ?? tag;
            return (
              <li key={tag} class="cdx-info-chip partnerhub-languages__chip">
                <span class="cdx-info-chip__text">
                  <bdi>{label}</bdi>
                </span>
                <button
                  type="button"
                  class="partnerhub-languages__remove"
                  aria-label={i18n.t("partnerhub-picker-remove", label)}
                  onClick={() => onChange(values.filter((v) => v !== tag))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Combobox
        id={id}
        options={options}
        text={text}
        onText={setText}
        onPick={(o) => {
          onChange([...values, o.value]);
          setText("");
        }}
        {...rest}
      />
    </div>
  );
}
