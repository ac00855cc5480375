/** The public facts of a partner: heading, summary, what it asks for, what it offers, links. */
import type { Partner } from "../../../shared/schemas.ts";
import { useStore } from "../state/context.ts";
import { projectLabel, StatusChip, useLabels } from "./Labels.tsx";

// The mirror's JSON is a wiki page anyone might edit: only http(s) links become links.
export function PartnerFacts({ partner }: { partner: Partner }) {
  const { i18n } = useStore();
  const labels = useLabels();
  const facts: Array<[string, string]> = [
    [i18n.t("partnerhub-facet-kind"), labels.label("kind", partner.kind)],
    [i18n.t("partnerhub-facet-country"), labels.country(partner.country)],
    [i18n.t("partnerhub-facet-language"), i18n.list(partner.languages.map(labels.language))],
    [i18n.t("partnerhub-facet-offer"), labels.list("offer", partner.offers)],
    [i18n.t("partnerhub-projects"), i18n.list(partner.projects.map((p) => projectLabel(i18n, p))) || "—"],
    [i18n.t("partnerhub-facet-funding"), labels.label("funding", partner.funding)],
  ];
  return (
    <>
      <h2 id="partnerhub-partner-name" class="partnerhub-partner__name">
        <bdi>{partner.name}</bdi> <StatusChip status={partner.status} />
      </h2>
      {/* User text keeps its own direction: an English summary in the Arabic interface ends with its full stop on the right. */}
      {partner.summary && (
        <p class="partnerhub-pre" dir="auto">
          {partner.summary}
        </p>
      )}
      <dl class="partnerhub-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {partner.wikidata && (
          <div>
            <dt>{i18n.t("partnerhub-wikidata")}</dt>
            <dd>
              <a href={`https://www.wikidata.org/wiki/${partner.wikidata}`}>{partner.wikidata}</a>
            </dd>
          </div>
        )}
      </dl>
      {partner.asks.length > 0 && (
        <section class="partnerhub-section">
          <h3>{i18n.t("partnerhub-asks-heading")}</h3>
          <ul>
            {partner.asks.map((a) => (
              <li key={a} dir="auto">
                {a}
              </li>
            ))}
          </ul>
        </section>
      )}
      {partner.links.length > 0 && (
        <section class="partnerhub-section">
          <h3>{i18n.t("partnerhub-links-heading")}</h3>
          <ul>
            {partner.links
              .filter((l) => /^https?:\/\//i.test(l.url))
              .map((l) => (
                <li key={l.url}>
                  <a href={l.url} rel="noopener noreferrer" class="external">
                    <bdi>{l.label}</bdi>
                  </a>
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}
