/** One partner in the result list: a link to its page with the essentials. */
import type { Partner } from "../../../shared/schemas.ts";
import { formatRoute } from "../directory/query.ts";
import { useStore } from "../state/context.ts";
import { StatusChip, useLabels } from "./Labels.tsx";

/** Rows have one height (`.partnerhub-row` in gadget.css), so the list can compute which are in view. */
export const ROW_HEIGHT = 84;

interface RowProps {
  partner: Partner;
  index: number;
  count: number;
  top: number;
}

export function PartnerRow({ partner, index, count, top }: RowProps) {
  const store = useStore();
  const { i18n, route } = store;
  const labels = useLabels();
  const href = formatRoute(Object.assign({}, route.value, { view: "partner" as const, partner: partner.id }));
  const lead = partner.lead ? store.affiliateName(partner.lead.affiliate) : null;
  return (
    <li
      class="partnerhub-row"
      data-index={index}
      aria-setsize={count}
      aria-posinset={index + 1}
      style={{ top: `${top}px` }}
    >
      <a
        class="partnerhub-row__link"
        href={href}
        onClick={(e) => {
          e.preventDefault();
          store.navigate({ view: "partner", partner: partner.id });
        }}
      >
        <span class="partnerhub-row__title">
          <bdi class="partnerhub-row__name">{partner.name}</bdi>
          <StatusChip status={partner.status} />
        </span>
        <span class="partnerhub-row__meta">
          {labels.label("kind", partner.kind)} · {labels.country(partner.country)} ·{" "}
          {labels.list("offer", partner.offers)}
        </span>
        <span class="partnerhub-row__interest">
          {partner.status === "done"
            ? i18n.t("partnerhub-row-done")
            : partner.status === "closed"
              ? i18n.t("partnerhub-row-closed")
              : lead
                ? i18n.bdi("partnerhub-row-lead", lead)
                : i18n.t("partnerhub-row-interested", partner.interested.length)}
        </span>
      </a>
    </li>
  );
}
