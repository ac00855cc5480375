/**
 * The coordinators' queue: interest awaiting a decision, stale leads, and
 * representatives waiting to be verified; the longest waiting first, a page at
 * a time, filtered by kind. Each partner loads its claims when shown, so the
 * queue stays cheap however large the directory is.
 */
import { useState } from "preact/hooks";
import type { Partner } from "../../../shared/schemas.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { ClaimList } from "./ClaimList.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";
import { PAGE, Pager } from "./Pager.tsx";
import { RepresentativeQueue } from "./RepresentativeQueue.tsx";
import { RouteLink } from "./RouteLink.tsx";

const FILTERS = ["all", "waiting", "stale", "representatives"] as const;
type QueueFilter = (typeof FILTERS)[number];
/** Partners with an interested claim besides the lead, the longest unchanged first. */
const awaitingDecision = (partners: readonly Partner[]) =>
  partners
    .filter((p) => (p.status === "open" || p.status === "matched") && p.interested.some((a) => a !== p.lead?.affiliate))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.name.localeCompare(b.name));

/** Partners whose lead the backend has marked stale (no progress for STALE_AFTER_DAYS), the longest stale first. */
const staleLeads = (partners: readonly Partner[]) =>
  partners
    .filter((p) => p.lead?.staleSince)
    .sort((a, b) => (a.lead?.staleSince ?? "").localeCompare(b.lead?.staleSince ?? "") || a.name.localeCompare(b.name));

export function ReviewQueue() {
  const store = useStore();
  const { i18n, me } = store;
  if (!me.value?.roles.coordinator)
    return <Message type="warning">{i18n.t("partnerhub-review-coordinators-only")}</Message>;
  return <Review />;
}

function Review() {
  const store = useStore();
  const { i18n } = store;
  const [filter, setFilter] = useState<QueueFilter>("all");
  const waiting = awaitingDecision(store.partners.value);
  const stale = staleLeads(store.partners.value);
  const shows = (f: QueueFilter) => filter === "all" || filter === f;
  return (
    <div class="partnerhub-review">
      <div class="partnerhub-review__filter">
        <label for="partnerhub-review-filter">{i18n.t("partnerhub-review-filter")}</label>{" "}
        <select
          id="partnerhub-review-filter"
          class="cdx-select"
          value={filter}
          onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as QueueFilter)}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {i18n.t(`partnerhub-review-filter-${f}`)}
            </option>
          ))}
        </select>
      </div>
      {shows("waiting") && (
        <QueueSection
          title={i18n.t("partnerhub-review-waiting", waiting.length)}
          partners={waiting}
          empty={i18n.t("partnerhub-review-waiting-none")}
        />
      )}
      {shows("stale") && (
        <QueueSection
          title={i18n.t("partnerhub-review-stale", stale.length)}
          partners={stale}
          empty={i18n.t("partnerhub-review-stale-none")}
          leadsOnly
        />
      )}
      {shows("representatives") && <RepresentativeQueue />}
    </div>
  );
}

function QueueSection({
  title,
  partners,
  empty,
  leadsOnly = false,
}: {
  title: string;
  partners: Partner[];
  empty: string;
  leadsOnly?: boolean;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(partners.length / PAGE));
  const current = Math.min(page, pages - 1);
  return (
    <section class="partnerhub-section">
      <h2 class="partnerhub-section__title">{title}</h2>
      {partners.length === 0 && <p class="partnerhub-muted">{empty}</p>}
      <ul class="partnerhub-queue">
        {partners.slice(current * PAGE, (current + 1) * PAGE).map((p) => (
          <QueueItem key={p.id} partner={p} leadsOnly={leadsOnly} />
        ))}
      </ul>
      {pages > 1 && <Pager page={current} pages={pages} onPage={setPage} />}
    </section>
  );
}

function QueueItem({ partner, leadsOnly }: { partner: Partner; leadsOnly: boolean }) {
  const store = useStore();
  const detail = useResource(partnerKey(partner.id), partnerLoader(store, partner.id), [partner.id]);
  const full = loaded(detail);
  return (
    <li class="cdx-card partnerhub-queue__item">
      <span class="cdx-card__text">
        <span class="cdx-card__text__title">
          <RouteLink to={{ view: "partner", partner: partner.id }}>
            <bdi>{partner.name}</bdi>
          </RouteLink>
        </span>
        <span class="partnerhub-queue__claims">
          {detail.status === "error" && <ErrorMessage error={detail.error} />}
          {full && (
            <ClaimList
              partner={full}
              filter={leadsOnly ? (s) => s === "lead" : (s) => s === "interested" || s === "lead"}
            />
          )}
        </span>
      </span>
    </li>
  );
}
