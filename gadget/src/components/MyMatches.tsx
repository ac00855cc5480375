/** For a representative: the open partners that fit their affiliate(s). */
import { partnersFor } from "../../../shared/matching.ts";
import { useStore } from "../state/context.ts";
import { useFitReasons } from "./AffiliateMatches.tsx";
import { Message } from "./Message.tsx";
import { RouteLink } from "./RouteLink.tsx";

const SHOWN = 20;

export function MyMatches() {
  const store = useStore();
  const { i18n, me } = store;
  const reasons = useFitReasons();
  const mine = (me.value?.affiliates ?? [])
    .filter((a) => a.status === "verified")
    .map((a) => store.affiliateById.value.get(a.affiliate))
    .filter((a) => a !== undefined);
  if (mine.length === 0) return <Message>{i18n.t("partnerhub-mine-none")}</Message>;
  return (
    <div class="partnerhub-mine">
      {mine.map((affiliate) => {
        const ranked = partnersFor(affiliate, store.partners.value);
        return (
          <section class="partnerhub-section" key={affiliate.id}>
            <h2 class="partnerhub-section__title">
              {i18n.bdi("partnerhub-mine-heading", affiliate.name, ranked.length)}
            </h2>
            <ol class="partnerhub-fits">
              {ranked.slice(0, SHOWN).map((r) => (
                <li key={r.item.id}>
                  <RouteLink to={{ view: "partner", partner: r.item.id }}>
                    <bdi>{r.item.name}</bdi>
                  </RouteLink>{" "}
                  <span class="partnerhub-muted">{reasons(r.reasons, r.item.country)}</span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
