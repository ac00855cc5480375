/**
 * On a partner's page, for coordinators (and the referrer): edit it; close it or reopen it, each
 * confirmed; and for coordinators, "Merge into…" (the intake module's dialog).
 */
import { useState } from "preact/hooks";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { OnIntake } from "../../components/OnIntake.tsx";
import { closePartner, reopenPartner } from "../../state/actions/roles.ts";
import { useStore } from "../../state/context.ts";

export function PartnerTools({ partner }: { partner: string | null }) {
  const store = useStore();
  const { i18n, me } = store;
  const confirm = useConfirm();
  const [merging, setMerging] = useState(false);
  const p = store.partners.value.find((x) => x.id === partner);
  if (!p) return null;
  const coordinator = me.value?.roles.coordinator === true;
  const name = p.name;
  return (
    <div class="partnerhub-tools">
      <button type="button" class="cdx-button" onClick={() => store.navigate({ view: "edit", partner: p.id })}>
        {i18n.t("partnerhub-tools-edit")}
      </button>
      {coordinator && p.status !== "closed" && (
        <button
          type="button"
          class="cdx-button cdx-button--action-destructive"
          onClick={() =>
            confirm.ask({
              title: i18n.t("partnerhub-tools-close"),
              text: i18n.t("partnerhub-confirm-close", name),
              confirm: i18n.t("partnerhub-tools-close"),
              destructive: true,
              reason: { label: i18n.t("partnerhub-action-reason"), required: true },
              run: (reason) => closePartner(store, p.id, reason),
            })
          }
        >
          {i18n.t("partnerhub-tools-close")}
        </button>
      )}
      {coordinator && p.status === "closed" && (
        <button
          type="button"
          class="cdx-button cdx-button--action-progressive"
          onClick={() =>
            confirm.ask({
              title: i18n.t("partnerhub-tools-reopen"),
              text: i18n.t("partnerhub-confirm-reopen", name),
              confirm: i18n.t("partnerhub-tools-reopen"),
              run: () => reopenPartner(store, p.id),
            })
          }
        >
          {i18n.t("partnerhub-tools-reopen")}
        </button>
      )}
      {coordinator && (
        <button type="button" class="cdx-button" onClick={() => setMerging(true)}>
          {i18n.t("partnerhub-merge-button")}
        </button>
      )}
      {merging && (
        <OnIntake
          render={({ MergeDialog }) => <MergeDialog store={store} partner={p} onClose={() => setMerging(false)} />}
        />
      )}
      {confirm.dialog}
    </div>
  );
}
