/** The partner's history from the backend's audit feed (`GET /events?partner=`), a store resource. */
import type { Event } from "../../../shared/schemas.ts";
import { historyKey, historyLoader } from "../state/actions/history.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { useLabels } from "./Labels.tsx";

export function EventHistory({ partner }: { partner: string }) {
  const store = useStore();
  const { i18n } = store;
  const labels = useLabels();
  const events = useResource(historyKey(partner), historyLoader(partner), [partner]);
  const list = loaded(events)?.events;
  const date = new Intl.DateTimeFormat(i18n.lang, { dateStyle: "medium" });
  const describe = (e: Event) =>
    e.affiliate
      ? i18n.t(
          "partnerhub-event-line-affiliate",
          labels.label("event", e.type),
          e.actor,
          store.affiliateName(e.affiliate),
        )
      : i18n.t("partnerhub-event-line", labels.label("event", e.type), e.actor);

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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
