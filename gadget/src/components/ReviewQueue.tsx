/**
 * The coordinators' queue: interest awaiting a decision, stale leads, and
 * representatives waiting to be verified. Each partner loads its claims when
 * shown, so the queue stays cheap however large the directory is.
 */
import type { Partner } from "../../../shared/schemas.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { ClaimList } from "./ClaimList.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";
import { RepresentativeQueue } from "./RepresentativeQueue.tsx";

const SHOWN = 25;
/** Partners with an interested claim besides the lead. */
export const awaitingDecision = (partners: readonly Partner[]) =>
  partners.filter(
    (p) => (p.status === "open" || p.status === "matched") && p.interested.some((a) => a !== p.lead?.affiliate),
  );

/** Partners whose lead the backend has marked stale (no progress for STALE_AFTER_DAYS). */
export const staleLeads = (partners: readonly Partner[]) => partners.filter((p) => p.lead?.staleSince);

export function ReviewQueue() {
  const store = useStore();
  const { i18n, me } = store;
  if (!me.value?.roles.coordinator)
    return <Message type="warning">{i18n.t("partnerhub-review-coordinators-only")}</Message>;
  const waiting = awaitingDecision(store.partners.value);
  const stale = staleLeads(store.partners.value);
  return (
    <div class="partnerhub-review">
      <QueueSection
        title={i18n.t("partnerhub-review-waiting", waiting.length)}
        partners={waiting}
        empty={i18n.t("partnerhub-review-waiting-none")}
      />
      <QueueSection
        title={i18n.t("partnerhub-review-stale", stale.length)}
        partners={stale}
        empty={i18n.t("partnerhub-review-stale-none")}
        leadsOnly
      />
      <RepresentativeQueue />
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
  const { i18n } = useStore();
  return (
    <section class="partnerhub-section">
      <h2 class="partnerhub-section__title">{title}</h2>
      {partners.length === 0 && <p class="partnerhub-muted">{empty}</p>}
      <ul class="partnerhub-queue">
        {partners.slice(0, SHOWN).map((p) => (
          <QueueItem key={p.id} partner={p} leadsOnly={leadsOnly} />
        ))}
      </ul>
      {partners.length > SHOWN && (
        <p class="partnerhub-muted">{i18n.t("partnerhub-review-more", partners.length - SHOWN)}</p>
      )}
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
          <a href="#" onClick={(e) => (e.preventDefault(), store.navigate({ view: "partner", partner: partner.id }))}>
            {partner.name}
          </a>
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
