/**
 * "For you": what happened to the person's claims, affiliates and referrals, newest first, with
 * "mark all as seen"; and the Notifications panel, where they choose what the hub's bot posts on
 * their user talk page, told plainly where and how often.
 */
import { useEffect, useState } from "preact/hooks";
import type { Feed } from "../../../shared/api.ts";
import { NOTIFICATION_MODES, type NotificationMode } from "../../../shared/vocabulary.ts";
import { formatRoute } from "../directory/query.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { eventLabel } from "./Labels.tsx";
import { Message } from "./Message.tsx";

const REASON_KEYS: Record<string, MessageKey> = {
  claimant: "partnerhub-foryou-reason-claimant",
  representative: "partnerhub-foryou-reason-representative",
  coordinator: "partnerhub-foryou-reason-coordinator",
  other_affiliate: "partnerhub-foryou-reason-other_affiliate",
  fits: "partnerhub-foryou-reason-fits",
  requester: "partnerhub-foryou-reason-requester",
  referrer: "partnerhub-foryou-reason-referrer",
};

export function ForYou() {
  const store = useStore();
  const { i18n, session, notifications } = store;
  useEffect(() => {
    void notifications.loadFeed();
    void notifications.loadMode();
  }, [session.value?.user.name]);
  if (!session.value) return <Message>{i18n.t("partnerhub-foryou-sign-in")}</Message>;
  const feed = notifications.feed.value;
  return (
    <div class="partnerhub-foryou">
      <section class="partnerhub-section">
        <h2 class="partnerhub-section__title">{i18n.t("partnerhub-foryou-heading")}</h2>
        {feed.status === "error" && <ErrorMessage error={feed.error} />}
        {feed.status === "ready" && <FeedList feed={feed.value} />}
      </section>
      <NotificationSettings user={session.value.user.name} />
    </div>
  );
}

function FeedList({ feed }: { feed: Feed }) {
  const store = useStore();
  const { i18n } = store;
  const [error, setError] = useState<unknown>(null);
  const date = new Intl.DateTimeFormat(i18n.lang, { dateStyle: "medium", timeStyle: "short" });
  if (feed.items.length === 0) return <p class="partnerhub-muted">{i18n.t("partnerhub-foryou-empty")}</p>;
  const partnerName = (id: string) => store.partners.value.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <p>
        {i18n.t("partnerhub-foryou-unseen", feed.unseen)}{" "}
        <button
          type="button"
          class="cdx-button"
          disabled={feed.unseen === 0}
          onClick={() => store.notifications.markAllSeen().then(() => setError(null), setError)}
        >
          {i18n.t("partnerhub-foryou-mark-seen")}
        </button>
      </p>
      {error !== null && <ErrorMessage error={error} />}
      <ul class="partnerhub-foryou__list">
        {feed.items.map(({ event: e, reason, unseen }) => (
          <li key={e.seq}>
            {unseen && <strong>{i18n.t("partnerhub-foryou-new")} </strong>}
            <time dateTime={e.at}>{date.format(new Date(e.at))}</time>{" "}
            {e.partner && (
              <>
                <a href={formatRoute({ ...store.route.value, view: "partner", partner: e.partner })}>
                  {partnerName(e.partner)}
                </a>
                {": "}
              </>
            )}
            {e.affiliate
              ? i18n.t(
                  "partnerhub-event-line-affiliate",
                  eventLabel(i18n, e.type),
                  e.actor,
                  store.affiliateName(e.affiliate),
                )
              : i18n.t("partnerhub-event-line", eventLabel(i18n, e.type), e.actor)}{" "}
            {REASON_KEYS[reason] && <span class="partnerhub-muted">({i18n.t(REASON_KEYS[reason])})</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

const MODE_KEYS: Record<NotificationMode, MessageKey> = {
  immediate: "partnerhub-notify-immediate",
  daily: "partnerhub-notify-daily",
  weekly: "partnerhub-notify-weekly",
  none: "partnerhub-notify-none",
};

function NotificationSettings({ user }: { user: string }) {
  const store = useStore();
  const { i18n, notifications } = store;
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const mode = notifications.mode.value;
  const choose = (next: NotificationMode) => {
    setSaved(false);
    notifications.choose(next).then(
      () => (setError(null), setSaved(true)),
      (e: unknown) => setError(e),
    );
  };
  return (
    <section class="partnerhub-section" id="partnerhub-notifications">
      <h2 class="partnerhub-section__title">{i18n.t("partnerhub-notify-heading")}</h2>
      <p>{i18n.t("partnerhub-notify-where", `User talk:${user}`)}</p>
      {mode.status === "error" && <ErrorMessage error={mode.error} />}
      {mode.status === "ready" && (
        <fieldset class="cdx-field">
          <legend class="cdx-label">
            <span class="cdx-label__label__text">{i18n.t("partnerhub-notify-how-often")}</span>
          </legend>
          {NOTIFICATION_MODES.map((m) => (
            <div class="cdx-radio" key={m}>
              <div class="cdx-radio__wrapper">
                <input
                  id={`partnerhub-notify-${m}`}
                  class="cdx-radio__input"
                  type="radio"
                  name="partnerhub-notify"
                  value={m}
                  checked={mode.value === m}
                  onChange={() => choose(m)}
                />
                <span class="cdx-radio__icon" />
                <div class="cdx-radio__label cdx-label">
                  <label for={`partnerhub-notify-${m}`} class="cdx-label__label">
                    <span class="cdx-label__label__text">{i18n.t(MODE_KEYS[m])}</span>
                  </label>
                </div>
              </div>
            </div>
          ))}
        </fieldset>
      )}
      {saved && (
        <Message type="success" inline>
          {i18n.t("partnerhub-notify-saved")}
        </Message>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <p class="partnerhub-muted">{i18n.t("partnerhub-notify-opt-out")}</p>
    </section>
  );
}
