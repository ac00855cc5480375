/** Representatives who asked to represent an affiliate and wait to be verified, the longest waiting first. */
import { useState } from "preact/hooks";
import { AFFILIATES_KEY, affiliatesLoader, verifyRepresentative } from "../state/actions/affiliates.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useAction, useResource } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { PAGE, Pager } from "./Pager.tsx";

export function RepresentativeQueue() {
  const store = useStore();
  const { i18n } = store;
  const affiliates = useResource(AFFILIATES_KEY, affiliatesLoader);
  const action = useAction();
  const waiting = (loaded(affiliates)?.affiliates ?? [])
    .flatMap((a) =>
      a.representatives
        .filter((r) => r.status === "requested")
        .map((r) => ({ affiliate: a, user: r.user, since: r.since })),
    )
    .sort((a, b) => a.since.localeCompare(b.since));
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(waiting.length / PAGE));
  const current = Math.min(page, pages - 1);
  return (
    <section class="partnerhub-section">
      <h2 class="partnerhub-section__title">{i18n.t("partnerhub-review-representatives", waiting.length)}</h2>
      {affiliates.status === "error" && <ErrorMessage error={affiliates.error} />}
      {affiliates.status === "ready" && waiting.length === 0 && (
        <p class="partnerhub-muted">{i18n.t("partnerhub-review-representatives-none")}</p>
      )}
      <ul class="partnerhub-queue">
        {waiting.slice(current * PAGE, (current + 1) * PAGE).map(({ affiliate, user }) => (
          <li key={`${affiliate.id}/${user}`} class="partnerhub-queue__rep">
            {i18n.bdi("partnerhub-review-representative", user, affiliate.name)}{" "}
            <button
              type="button"
              class="cdx-button cdx-button--action-progressive"
              disabled={action.busy}
              onClick={() => action.run(() => verifyRepresentative(store, affiliate.id, user))}
            >
              {i18n.t("partnerhub-review-verify")}
            </button>
          </li>
        ))}
      </ul>
      {pages > 1 && <Pager page={current} pages={pages} onPage={setPage} />}
      {action.error !== null && <ErrorMessage error={action.error} />}
    </section>
  );
}
