/** The affiliates that fit a partner (country, language, capabilities), best first. */
import { affiliatesFor, type FitReasons } from "../../../shared/matching.ts";
import type { Partner } from "../../../shared/schemas.ts";
import { useStore } from "../state/context.ts";
import { useLabels } from "./Labels.tsx";

const SHOWN = 5;

export function useFitReasons() {
  const { i18n, countryName } = useStore();
  const labels = useLabels();
  return (r: FitReasons, country: string) =>
    [
      r.country ? i18n.t("partnerhub-fit-country", countryName(country)) : "",
      r.languages.length ? i18n.t("partnerhub-fit-languages", i18n.list(r.languages.map(labels.language))) : "",
      r.offers.length ? i18n.t("partnerhub-fit-offers", labels.list("offer", r.offers)) : "",
    ]
      .filter(Boolean)
      .join(" · ");
}

export function AffiliateMatches({ partner }: { partner: Partner }) {
  const store = useStore();
  const { i18n } = store;
  const reasons = useFitReasons();
  const ranked = affiliatesFor(partner, store.affiliates.value)
    .filter((r) => !partner.interested.includes(r.item.id))
    .slice(0, SHOWN);
  return (
    <section class="partnerhub-section">
      <h3>{i18n.t("partnerhub-fit-heading")}</h3>
      {ranked.length === 0 ? (
        <p class="partnerhub-muted">{i18n.t("partnerhub-fit-none")}</p>
      ) : (
        <ol class="partnerhub-fits">
          {ranked.map((r) => (
            <li key={r.item.id}>
              <strong>{r.item.name}</strong> <span class="partnerhub-muted">{reasons(r.reasons, partner.country)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
