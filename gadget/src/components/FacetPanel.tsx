/** Facet filters with counts; a facet's counts reflect every other active filter. */
import { useState } from "preact/hooks";
import { STALE } from "../directory/filter.ts";
import { FACETS, emptyFacets, type Facet } from "../directory/query.ts";
import { useStore } from "../state/context.ts";
import { Checkbox } from "./Field.tsx";
import { useLabels } from "./Labels.tsx";

/** A facet shows this many values, the most frequent first, and the rest on request. */
const MAX_VALUES = 12;
/** Below this width (Minerva, phones) the filters start folded away above the list. */
const NARROW = 720;

export function FacetPanel() {
  const store = useStore();
  const { i18n, route, result } = store;
  const labels = useLabels();
  const selected = route.value.query.facets;
  const active = FACETS.reduce((n, f) => n + selected[f].length, 0);
  const anySelected = active > 0;
  const [expanded, setExpanded] = useState<ReadonlySet<Facet>>(new Set());
  const expand = (facet: Facet, on: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (on) next.add(facet);
      else next.delete(facet);
      return next;
    });

  // The user's own affiliates come first in "Led by" and "Affiliate", marked, even without partners.
  const mine = new Set(
    (store.me.value?.affiliates ?? []).filter((a) => a.status === "verified").map((a) => a.affiliate),
  );
  const byAffiliate = (facet: Facet) => facet === "lead" || facet === "affiliate";
  const name = (facet: Facet, value: string) => {
    if (byAffiliate(facet))
      return mine.has(value)
        ? i18n.t("partnerhub-facet-my-affiliate", store.affiliateName(value))
        : store.affiliateName(value);
    if (facet === "stale") return i18n.t("partnerhub-facet-stale-value");
    if (facet === "country") return labels.country(value);
    if (facet === "language") return labels.language(value);
    return labels.label(facet, value);
  };

  function toggle(facet: Facet, value: string, on: boolean) {
    const values = selected[facet].filter((v) => v !== value);
    store.setQuery({ facets: Object.assign({}, selected, { [facet]: on ? [...values, value] : values }) });
  }

  return (
    <details class="partnerhub-facets" open={window.innerWidth > NARROW}>
      <summary class="partnerhub-facets__summary">
        {i18n.t("partnerhub-facets-summary")}
        {anySelected && <span class="partnerhub-facet__count"> · {i18n.t("partnerhub-facets-active", active)}</span>}
      </summary>
      {anySelected && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet cdx-button--action-progressive"
          onClick={() => store.setQuery({ facets: emptyFacets() })}
        >
          {i18n.t("partnerhub-facets-clear")}
        </button>
      )}
      {FACETS.map((facet) => {
        const counts = result.value.counts[facet];
        const own = byAffiliate(facet) ? [...mine] : [];
        const first = (v: string) => (own.includes(v) ? 0 : 1);
        const all = [...new Set([...selected[facet], ...own, ...counts.keys()])]
          .filter((v) => facet !== "stale" || v === STALE)
          .sort((a, b) => first(a) - first(b) || (counts.get(b) || 0) - (counts.get(a) || 0) || a.localeCompare(b));
        const open = expanded.has(facet);
        const values = open ? all : all.filter((v, i) => i < MAX_VALUES || selected[facet].includes(v));
        if (all.length === 0) return null;
        return (
          <fieldset class="partnerhub-facet" key={facet}>
            <legend>{i18n.t(`partnerhub-facet-${facet}`)}</legend>
            {values.map((value) => (
              <Checkbox
                key={value}
                id={`partnerhub-facet-${facet}-${value}`}
                checked={selected[facet].includes(value)}
                onChange={(on) => toggle(facet, value, on)}
                label={
                  <>
                    {name(facet, value)}{" "}
                    <span class="partnerhub-facet__count">{i18n.number(counts.get(value) || 0)}</span>
                  </>
                }
              />
            ))}
            {all.length > MAX_VALUES && (
              <button
                type="button"
                class="cdx-button cdx-button--weight-quiet partnerhub-facet__more"
                aria-expanded={open}
                onClick={() => expand(facet, !open)}
              >
                {open ? i18n.t("partnerhub-facet-fewer") : i18n.t("partnerhub-facet-all", all.length)}
              </button>
            )}
          </fieldset>
        );
      })}
    </details>
  );
}
