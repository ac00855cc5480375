/**
 * What the user may do with a claim, from the shared claim machine: withdraw,
 * accept, decline, release, complete, record progress, hand over, each through
 * a store action. Every transition asks in a confirm dialog first (decline and
 * hand-over with a required reason). A 409 says the claim moved on meanwhile;
 * the view then re-reads the current state.
 */
import { useState } from "preact/hooks";
import { canProgress, mayAct, nextStatus } from "../../../shared/claim-machine.ts";
import type { Claim } from "../../../shared/schemas.ts";
import { LIMITS } from "../../../shared/limits.ts";
import { STAGES, type Stage } from "../../../shared/vocabulary.ts";
import type { SimpleAction } from "../api/backend.ts";
import { BackendError } from "../api/errors.ts";
import { actOnClaim, handOver, recordProgress } from "../state/actions/claims.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { actorFor } from "../state/actor.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { useConfirm } from "./ConfirmDialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { stageLabel } from "./Labels.tsx";

const SIMPLE: SimpleAction[] = ["accept", "decline", "withdraw", "release", "complete"];
const DESTRUCTIVE = new Set<SimpleAction>(["decline", "withdraw", "release"]);
/** The record keeps a reason for these; a decline must give one. */
const REASON: Partial<Record<SimpleAction, boolean>> = { decline: true, withdraw: false, release: false };

export function ClaimActions({
  claim,
  interested,
  hasLead = false,
}: {
  claim: Claim;
  interested: Claim[];
  hasLead?: boolean;
}) {
  const store = useStore();
  const { i18n, backend } = store;
  const actor = actorFor(store.me.value, claim);
  const action = useAction();
  const confirm = useConfirm();
  const stages = STAGES.filter((s) => canProgress(claim.stage, s));
  const [stage, setStage] = useState<Stage>(stages[0] ?? "contacted");
  const [note, setNote] = useState("");
  const [target, setTarget] = useState<number | null>(interested[0]?.id ?? null);
  const allowed = (a: SimpleAction | "progress" | "handover") =>
    mayAct(actor, a) && nextStatus(claim.status, a) !== null;
  // With a lead in place, another claim cannot be accepted: a coordinator hands over instead.
  const simple = SIMPLE.filter((a) => allowed(a) && !(a === "accept" && hasLead));
  const canHandover = allowed("handover") && interested.length > 0;
  if (!backend || (simple.length === 0 && !allowed("progress") && !canHandover)) return null;

  const go = async (fn: () => Promise<unknown>) => {
    if ((await action.run(fn)) !== undefined) setNote("");
  };
  const showCurrent = () => void store.read(partnerKey(claim.partner), partnerLoader(store, claim.partner));
  const id = `partnerhub-claim-${claim.id}`;
  const conflict = action.error instanceof BackendError && action.error.kind === "conflict";
  const affiliate = store.affiliateName(claim.affiliate);
  const ask = (a: SimpleAction) =>
    confirm.ask({
      title: i18n.t(`partnerhub-action-${a}`),
      text: i18n.t(`partnerhub-confirm-${a}`, affiliate),
      confirm: i18n.t(`partnerhub-action-${a}`),
      destructive: DESTRUCTIVE.has(a),
      reason: a in REASON ? { label: i18n.t("partnerhub-action-reason"), required: REASON[a] === true } : undefined,
      onConflict: showCurrent,
      run: (reason) => actOnClaim(store, claim, a, { version: claim.version, reason }),
    });
  const askHandover = () => {
    const to = interested.find((c) => c.id === target);
    if (!to) return;
    confirm.ask({
      title: i18n.t("partnerhub-action-handover"),
      text: i18n.t("partnerhub-confirm-handover", affiliate, store.affiliateName(to.affiliate)),
      confirm: i18n.t("partnerhub-action-handover"),
      reason: { label: i18n.t("partnerhub-action-reason"), required: true },
      onConflict: showCurrent,
      run: (reason) => handOver(store, claim, { version: claim.version, to: to.id, reason }),
    });
  };

  return (
    <div class="partnerhub-actions" aria-busy={action.busy}>
      {simple.length > 0 && (
        <div class="partnerhub-actions__buttons">
          {simple.map((a) => (
            <button
              key={a}
              type="button"
              disabled={action.busy}
              class={`cdx-button ${DESTRUCTIVE.has(a) ? "cdx-button--action-destructive" : "cdx-button--action-progressive"}`}
              onClick={() => ask(a)}
            >
              {i18n.t(`partnerhub-action-${a}`)}
            </button>
          ))}
        </div>
      )}
      {allowed("progress") && (
        <fieldset class="partnerhub-actions__group">
          <legend>{i18n.t("partnerhub-action-progress-legend")}</legend>
          <div class="partnerhub-actions__row">
            <label class="partnerhub-actions__label" for={`${id}-stage`}>
              {i18n.t("partnerhub-action-stage")}
            </label>
            <select
              id={`${id}-stage`}
              class="cdx-select"
              value={stage}
              onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as Stage)}
            >
              {stages.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(i18n, s)}
                </option>
              ))}
            </select>
            <label class="partnerhub-actions__label" for={`${id}-note`}>
              {i18n.t("partnerhub-action-note")}
            </label>
            <div class="cdx-text-input">
              <input
                id={`${id}-note`}
                class="cdx-text-input__input"
                dir="auto"
                value={note}
                maxLength={LIMITS.progressNote}
                onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            <button
              type="button"
              class="cdx-button"
              disabled={action.busy}
              onClick={() => go(() => recordProgress(store, claim, { version: claim.version, stage, note }))}
            >
              {i18n.t("partnerhub-action-progress")}
            </button>
          </div>
        </fieldset>
      )}
      {canHandover && (
        <fieldset class="partnerhub-actions__group">
          <legend>{i18n.t("partnerhub-action-handover-legend")}</legend>
          <div class="partnerhub-actions__row">
            <label class="partnerhub-actions__label" for={`${id}-to`}>
              {i18n.t("partnerhub-action-handover-to")}
            </label>
            <select
              id={`${id}-to`}
              class="cdx-select"
              value={String(target)}
              onChange={(e) => setTarget(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {interested.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {store.affiliateName(c.affiliate)}
                </option>
              ))}
            </select>
            <button type="button" class="cdx-button" disabled={action.busy || target === null} onClick={askHandover}>
              {i18n.t("partnerhub-action-handover")}
            </button>
          </div>
        </fieldset>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
      {confirm.dialog}
      {conflict && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet"
          onClick={() => (action.clearError(), showCurrent())}
        >
          {i18n.t("partnerhub-reload")}
        </button>
      )}
    </div>
  );
}
