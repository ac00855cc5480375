/** Representatives who asked to represent an affiliate and wait for a coordinator to verify them. */
import { useStore } from "../state/context.ts";
import { useAction, useAsync } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

export function RepresentativeQueue() {
  const store = useStore();
  const { i18n, backend } = store;
  const [affiliates, reload] = useAsync(backend ? () => backend.affiliates() : null, []);
  const action = useAction();
  const waiting =
    affiliates.status === "ready"
      ? affiliates.value.affiliates.flatMap((a) =>
          a.representatives.filter((r) => r.status === "requested").map((r) => ({ affiliate: a, user: r.user })),
        )
      : [];
  return (
    <section class="partnerhub-section">
      <h2 class="partnerhub-section__title">{i18n.t("partnerhub-review-representatives", waiting.length)}</h2>
      {affiliates.status === "error" && <ErrorMessage error={affiliates.error} />}
      {affiliates.status === "ready" && waiting.length === 0 && (
        <p class="partnerhub-muted">{i18n.t("partnerhub-review-representatives-none")}</p>
      )}
      <ul class="partnerhub-queue">
        {waiting.map(({ affiliate, user }) => (
          <li key={`${affiliate.id}/${user}`} class="partnerhub-queue__rep">
            {i18n.t("partnerhub-review-representative", user, affiliate.name)}{" "}
            <button
              type="button"
              class="cdx-button cdx-button--action-progressive"
              disabled={action.busy}
              onClick={async () =>
                (await action.run(() => backend!.verifyRepresentative(affiliate.id, user))) !== undefined && reload()
              }
            >
              {i18n.t("partnerhub-review-verify")}
            </button>
          </li>
        ))}
      </ul>
      {action.error !== null && <ErrorMessage error={action.error} />}
    </section>
  );
}
