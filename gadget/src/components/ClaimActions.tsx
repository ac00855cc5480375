/**
 * What the user may do with a claim, from the shared claim machine: withdraw,
 * accept, decline, release, complete, record progress, hand over. Every transition
 * asks for confirmation first (decline and hand-over with a reason) and says that it
 * worked. A 409 says the claim moved on meanwhile; the view then reloads the current state.
 */
import { useState } from "preact/hooks";
import { canProgress, mayAct, nextStatus } from "../../../shared/claim-machine.ts";
import type { Claim } from "../../../shared/schemas.ts";
import { STAGES, type Stage } from "../../../shared/vocabulary.ts";
import type { SimpleAction } from "../api/backend.ts";
import { BackendError } from "../api/errors.ts";
import { actorFor } from "../state/actor.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { useConfirm } from "./ConfirmDialog.tsx";
import { useLabels } from "./Labels.tsx";

const SIMPLE: SimpleAction[] = ["accept", "decline", "withdraw", "release", "complete"];
const DESTRUCTIVE = new Set<SimpleAction>(["decline", "withdraw", "release"]);
/** The record keeps a reason for these; a decline must give one. */
const REASON: Partial<Record<SimpleAction, boolean>> = { decline: true, withdraw: false, release: false };

export function ClaimActions({
  claim,
  interested,
  hasLead = false,
  onChanged,
}: {
  claim: Claim;
  interested: Claim[];
  hasLead?: boolean;
  onChanged: () => void;
}) {
  const store = useStore();
  const { i18n, backend } = store;
  const labels = useLabels();
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

  const affiliate = store.affiliateName(claim.affiliate);
  const done = (text: string) => {
    store.announce(text);
    onChanged();
  };
  const ask = (a: SimpleAction) =>
    confirm.ask({
      title: i18n.t(`partnerhub-action-${a}`),
      text: i18n.t(`partnerhub-confirm-${a}`, affiliate),
      confirm: i18n.t(`partnerhub-action-${a}`),
      destructive: DESTRUCTIVE.has(a),
      reason: a in REASON ? { label: i18n.t("partnerhub-action-reason"), required: REASON[a] === true } : undefined,
      onConflict: onChanged,
      run: async (reason) => {
        await backend.transition(claim.id, a, { version: claim.version, reason });
        done(i18n.t(`partnerhub-done-${a}`, affiliate));
      },
    });
  const askHandover = () => {
    const to = interested.find((c) => c.id === target);
    if (!to) return;
    const next = store.affiliateName(to.affiliate);
    confirm.ask({
      title: i18n.t("partnerhub-action-handover"),
      text: i18n.t("partnerhub-confirm-handover", affiliate, next),
      confirm: i18n.t("partnerhub-action-handover"),
      reason: { label: i18n.t("partnerhub-action-reason"), required: true },
      onConflict: onChanged,
      run: async (reason) => {
        await backend.handover(claim.id, { version: claim.version, to: to.id, reason });
        done(i18n.t("partnerhub-done-handover", next));
      },
    });
  };
  const saveProgress = async () => {
    const ok = await action.run(() => backend.progress(claim.id, { version: claim.version, stage, note }));
    if (ok !== undefined) {
      setNote("");
      done(i18n.t("partnerhub-done-progress", labels.label("stage", stage)));
    }
  };
  const id = `partnerhub-claim-${claim.id}`;
  const conflict = action.error instanceof BackendError && action.error.kind === "conflict";

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
        <fieldset class="partnerhub-actions__row">
          <legend>{i18n.t("partnerhub-action-progress")}</legend>
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
                {labels.label("stage", s)}
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
              value={note}
              maxLength={2000}
              onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="button" class="cdx-button" disabled={action.busy} onClick={saveProgress}>
            {i18n.t("partnerhub-action-progress-save")}
          </button>
        </fieldset>
      )}
      {canHandover && (
        <fieldset class="partnerhub-actions__row">
          <legend>{i18n.t("partnerhub-action-handover")}</legend>
          <label class="partnerhub-actions__label" for={`${id}-handover`}>
            {i18n.t("partnerhub-action-handover-to")}
          </label>
          <select
            id={`${id}-handover`}
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
        </fieldset>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
      {conflict && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet"
          onClick={() => (action.clearError(), onChanged())}
        >
          {i18n.t("partnerhub-reload")}
        </button>
      )}
      {confirm.dialog}
    </div>
  );
}
