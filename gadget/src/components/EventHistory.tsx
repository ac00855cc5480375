/** The partner's history from the backend's audit feed (`GET /events?partner=`). */
import type { Event } from "../../../shared/schemas.ts";
import { useStore } from "../state/context.ts";
import { useAsync } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { useLabels } from "./Labels.tsx";

export function EventHistory({ partner, version }: { partner: string; version: number }) {
  const store = useStore();
  const { i18n, backend } = store;
  const labels = useLabels();
  const load = store.mayUseBackend.value && backend ? () => backend.events(partner) : null;
  const [events] = useAsync(load, [partner, version]);
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
      {events.status === "off" && <p class="partnerhub-muted">{i18n.t("partnerhub-history-sign-in")}</p>}
      {events.status === "error" && <ErrorMessage error={events.error} />}
      {events.status === "ready" && (
        <ul class="partnerhub-history__list">
          {events.value.events.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{date.format(new Date(e.at))}</time> {describe(e)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
