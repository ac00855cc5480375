/**
 * Representatives, for coordinators (every affiliate) and representatives (their own): the
 * requests waiting to be verified or refused, and each affiliate's representatives, to add
 * someone or remove them. Every change is confirmed and then said to have worked.
 */
import { useState } from "preact/hooks";
import type { Affiliate } from "../../../../shared/schemas.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { Message } from "../../components/Message.tsx";
import { removeRepresentation, requestRepresentation } from "../../state/actions/roles.ts";
import { useStore } from "../../state/context.ts";
import { AFFILIATES_KEY, affiliatesLoader } from "../../state/actions/affiliates.ts";
import { useResource } from "../../state/hooks.ts";
import { UserNameForm } from "./UserNameForm.tsx";

export function Representatives() {
  const store = useStore();
  const { i18n, me } = store;
  const confirm = useConfirm();
  const list = useResource(AFFILIATES_KEY, affiliatesLoader);
  const [selected, setSelected] = useState("");
  const coordinator = me.value?.roles.coordinator === true;
  const mine = new Set((me.value?.affiliates ?? []).filter((a) => a.status === "verified").map((a) => a.affiliate));
  if (!coordinator && mine.size === 0)
    return <Message type="warning">{i18n.t("partnerhub-representatives-only")}</Message>;
  if (list.status === "error") return <ErrorMessage error={list.error} />;
  if (list.status !== "ready") return <Message>{i18n.t("partnerhub-loading-view")}</Message>;
  const manageable = list.value.affiliates.filter((a) => coordinator || mine.has(a.id));
  const requests = manageable.flatMap((a) =>
    a.representatives.filter((r) => r.status === "requested").map((r) => ({ affiliate: a, user: r.user })),
  );
  const current: Affiliate | undefined =
    manageable.find((a) => a.id === selected) ?? (manageable.length === 1 ? manageable[0] : undefined);

  return (
    <div class="partnerhub-representatives">
      <section class="partnerhub-section" aria-labelledby="partnerhub-rep-requests">
        <h2 id="partnerhub-rep-requests" class="partnerhub-section__title">
          {i18n.t("partnerhub-review-representatives", requests.length)}
        </h2>
        {requests.length === 0 && <p class="partnerhub-muted">{i18n.t("partnerhub-review-representatives-none")}</p>}
        <ul class="partnerhub-queue">
          {requests.map(({ affiliate, user }) => (
            <li key={`${affiliate.id}/${user}`} class="partnerhub-queue__rep">
              <span>{i18n.t("partnerhub-review-representative", user, affiliate.name)}</span>{" "}
              <span class="partnerhub-queue__buttons">
                <button
                  type="button"
                  class="cdx-button cdx-button--action-progressive"
                  onClick={() =>
                    confirm.ask({
                      title: i18n.t("partnerhub-review-verify"),
                      text: i18n.t("partnerhub-confirm-verify", user, affiliate.name),
                      confirm: i18n.t("partnerhub-review-verify"),
                      run: () => requestRepresentation(store, affiliate.id, user),
                    })
                  }
                >
                  {i18n.t("partnerhub-review-verify")}
                </button>
                <button
                  type="button"
                  class="cdx-button cdx-button--action-destructive"
                  onClick={() =>
                    confirm.ask({
                      title: i18n.t("partnerhub-representatives-refuse"),
                      text: i18n.t("partnerhub-confirm-refuse", user, affiliate.name),
                      confirm: i18n.t("partnerhub-representatives-refuse"),
                      destructive: true,
                      run: () => removeRepresentation(store, affiliate.id, user, "requested"),
                    })
                  }
                >
                  {i18n.t("partnerhub-representatives-refuse")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section class="partnerhub-section" aria-labelledby="partnerhub-rep-list">
        <h2 id="partnerhub-rep-list" class="partnerhub-section__title">
          {i18n.t("partnerhub-representatives-heading")}
        </h2>
        {manageable.length > 1 && (
          <div class="partnerhub-inline-form">
            <label for="partnerhub-rep-affiliate">{i18n.t("partnerhub-representatives-affiliate")}</label>
            <select
              id="partnerhub-rep-affiliate"
              class="cdx-select"
              value={current?.id ?? ""}
              onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{i18n.t("partnerhub-represent-choose")}</option>
              {manageable.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {current && (
          <>
            <ul class="partnerhub-queue">
              {current.representatives
                .filter((r) => r.status === "verified")
                .map((r) => (
                  <li key={r.user} class="partnerhub-queue__rep">
                    <bdi>{r.user}</bdi>{" "}
                    <button
                      type="button"
                      class="cdx-button cdx-button--weight-quiet cdx-button--action-destructive"
                      aria-label={i18n.t("partnerhub-representatives-remove-user", r.user)}
                      onClick={() =>
                        confirm.ask({
                          title: i18n.t("partnerhub-representatives-remove"),
                          text: i18n.t("partnerhub-confirm-remove-representative", r.user, current.name),
                          confirm: i18n.t("partnerhub-representatives-remove"),
                          destructive: true,
                          run: () => removeRepresentation(store, current.id, r.user, "verified"),
                        })
                      }
                    >
                      {i18n.t("partnerhub-representatives-remove")}
                    </button>
                  </li>
                ))}
            </ul>
            <UserNameForm
              id="partnerhub-rep-user"
              button={i18n.t("partnerhub-representatives-add")}
              onSubmit={(user, clear) =>
                confirm.ask({
                  title: i18n.t("partnerhub-representatives-add"),
                  text: i18n.t("partnerhub-confirm-verify", user, current.name),
                  confirm: i18n.t("partnerhub-representatives-add"),
                  run: async () => {
                    await requestRepresentation(store, current.id, user);
                    clear();
                  },
                })
              }
            />
          </>
        )}
      </section>
      {confirm.dialog}
    </div>
  );
}
