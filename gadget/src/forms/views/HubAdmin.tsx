/**
 * The coordinators' settings: who coordinates (add, remove; those from the deployment's
 * configuration stay), and the mirror — how far the wiki pages are behind, its last errors,
 * and "run it now". Each change is confirmed and said to have worked.
 */
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { Message } from "../../components/Message.tsx";
import {
  addCoordinator,
  COORDINATORS_KEY,
  coordinatorsLoader,
  MIRROR_KEY,
  mirrorLoader,
  removeCoordinator,
  runMirror,
} from "../../state/actions/roles.ts";
import { useStore } from "../../state/context.ts";
import { useResource } from "../../state/hooks.ts";
import { UserNameForm } from "./UserNameForm.tsx";

export function HubAdmin() {
  const { i18n, me } = useStore();
  if (!me.value?.roles.coordinator)
    return <Message type="warning">{i18n.t("partnerhub-review-coordinators-only")}</Message>;
  return (
    <div class="partnerhub-admin">
      <Coordinators />
      <Mirror />
    </div>
  );
}

function Coordinators() {
  const store = useStore();
  const { i18n } = store;
  const confirm = useConfirm();
  const list = useResource(COORDINATORS_KEY, coordinatorsLoader);
  return (
    <section class="partnerhub-section" aria-labelledby="partnerhub-admin-coordinators">
      <h2 id="partnerhub-admin-coordinators" class="partnerhub-section__title">
        {i18n.t("partnerhub-admin-coordinators")}
      </h2>
      {list.status === "error" && <ErrorMessage error={list.error} />}
      {list.status === "ready" && (
        <ul class="partnerhub-queue">
          {list.value.coordinators.map((c) => (
            <li key={c.user} class="partnerhub-queue__rep">
              <bdi>{c.user}</bdi>{" "}
              {c.source === "config" ? (
                <span class="partnerhub-muted">{i18n.t("partnerhub-admin-coordinator-config")}</span>
              ) : (
                <button
                  type="button"
                  class="cdx-button cdx-button--weight-quiet cdx-button--action-destructive"
                  aria-label={i18n.t("partnerhub-admin-coordinator-remove-user", c.user)}
                  onClick={() =>
                    confirm.ask({
                      title: i18n.t("partnerhub-admin-coordinator-remove"),
                      text: i18n.t("partnerhub-confirm-remove-coordinator", c.user),
                      confirm: i18n.t("partnerhub-admin-coordinator-remove"),
                      destructive: true,
                      run: async () => {
                        await removeCoordinator(store, c.user);
                      },
                    })
                  }
                >
                  {i18n.t("partnerhub-admin-coordinator-remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <UserNameForm
        id="partnerhub-admin-user"
        button={i18n.t("partnerhub-admin-coordinator-add")}
        onSubmit={(user, clear) =>
          confirm.ask({
            title: i18n.t("partnerhub-admin-coordinator-add"),
            text: i18n.t("partnerhub-confirm-add-coordinator", user),
            confirm: i18n.t("partnerhub-admin-coordinator-add"),
            run: async () => {
              await addCoordinator(store, user);
              clear();
            },
          })
        }
      />
      {confirm.dialog}
    </section>
  );
}

function Mirror() {
  const store = useStore();
  const { i18n } = store;
  const confirm = useConfirm();
  const status = useResource(MIRROR_KEY, mirrorLoader);
  const date = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(i18n.lang, { dateStyle: "medium", timeStyle: "short" })
      : i18n.t("partnerhub-admin-never");
  return (
    <section class="partnerhub-section" aria-labelledby="partnerhub-admin-mirror">
      <h2 id="partnerhub-admin-mirror" class="partnerhub-section__title">
        {i18n.t("partnerhub-admin-mirror")}
      </h2>
      {status.status === "error" && <ErrorMessage error={status.error} />}
      {status.status === "ready" && (
        <>
          {!status.value.configured && (
            <Message type="warning">{i18n.t("partnerhub-admin-mirror-unconfigured")}</Message>
          )}
          <dl class="partnerhub-facts partnerhub-admin__status">
            <dt>{i18n.t("partnerhub-admin-mirror-lag")}</dt>
            <dd>{i18n.t("partnerhub-admin-mirror-lag-value", status.value.lag)}</dd>
            <dt>{i18n.t("partnerhub-admin-mirror-last-run")}</dt>
            <dd>{date(status.value.lastRunAt)}</dd>
            <dt>{i18n.t("partnerhub-admin-mirror-last-success")}</dt>
            <dd>{date(status.value.lastSuccessAt)}</dd>
          </dl>
          {status.value.pages.some((p) => p.overwroteHumanEdit) && (
            <Message type="warning">{i18n.t("partnerhub-admin-mirror-overwrote")}</Message>
          )}
          {status.value.errors.length > 0 && (
            <>
              <h3>{i18n.t("partnerhub-admin-mirror-errors")}</h3>
              <ul>
                {status.value.errors.slice(0, 5).map((e) => (
                  <li key={`${e.at}-${e.code}`}>
                    {date(e.at)}: <code>{e.code}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            class="cdx-button cdx-button--action-progressive"
            disabled={!status.value.configured}
            onClick={() =>
              confirm.ask({
                title: i18n.t("partnerhub-admin-mirror-run"),
                text: i18n.t("partnerhub-confirm-mirror-run"),
                confirm: i18n.t("partnerhub-admin-mirror-run"),
                run: async () => {
                  await runMirror(store);
                },
              })
            }
          >
            {i18n.t("partnerhub-admin-mirror-run")}
          </button>
        </>
      )}
      {confirm.dialog}
    </section>
  );
}
