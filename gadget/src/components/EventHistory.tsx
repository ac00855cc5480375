/** The partner's history from the backend's audit feed (`GET /events?partner=`), a store resource. */
import type { Event } from "../../../shared/schemas.ts";
import { historyKey, historyLoader } from "../state/actions/history.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { eventLabel } from "./Labels.tsx";

export function EventHistory({ partner }: { partner: string }) {
  const store = useStore();
  const { i18n } = store;
  const events = useResource(historyKey(partner), historyLoader(partner), [partner]);
  const list = loaded(events)?.events;
  const date = new Intl.DateTimeFormat(i18n.lang, { dateStyle: "medium" });
  const describe = (e: Event) =>
    e.affiliate
      ? i18n.bdi("partnerhub-event-line-affiliate", eventLabel(i18n, e.type), e.actor, store.affiliateName(e.affiliate))
      : i18n.bdi("partnerhub-event-line", eventLabel(i18n, e.type), e.actor);

  return (
    <section class="partnerhub-section partnerhub-history">
      <h3>{i18n.t("partnerhub-history-heading")}</h3>
      {events.status === "idle" && <p class="partnerhub-muted">{i18n.t("partnerhub-history-sign-in")}</p>}
      {events.status === "error" && <ErrorMessage error={events.error} />}
      {list && (
        <ul class="partnerhub-history__list">
          {list.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{date.format(new Date(e.at))}</time> {describe(e)}
              <EventDetail event={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What an event records beyond its type: the reason, the progress note, to whom it was handed over. */
function EventDetail({ event }: { event: Event }) {
  const store = useStore();
  const { i18n } = store;
  const data = event.data as { reason?: unknown; note?: unknown; toAffiliate?: unknown };
  const parts: Array<[string, string]> = [];
  if (typeof data.toAffiliate === "string")
    parts.push([i18n.t("partnerhub-event-to"), store.affiliateName(data.toAffiliate)]);
  if (typeof data.reason === "string" && data.reason) parts.push([i18n.t("partnerhub-claim-reason"), data.reason]);
  if (typeof data.note === "string" && data.note) parts.push([i18n.t("partnerhub-claim-note"), data.note]);
  if (parts.length === 0) return null;
  return (
    <span class="partnerhub-history__detail">
      {parts.map(([label, value]) => (
        <span key={label}>
          {" · "}
          {label} <bdi class="partnerhub-pre">{value}</bdi>
        </span>
      ))}
    </span>
  );
}
