/**
 * What the user may do with a claim, from the shared claim machine: withdraw,
 * accept, decline, release, complete, record progress, hand over, each through
 * a store action. A 409 says the claim moved on meanwhile; the view then
 * re-reads the current state.
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
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Field } from "./Field.tsx";
import { useLabels } from "./Labels.tsx";

const SIMPLE: SimpleAction[] = ["accept", "decline", "withdraw", "release", "complete"];
const DESTRUCTIVE = new Set<SimpleAction>(["decline", "withdraw", "release"]);

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
  const labels = useLabels();
  const actor = actorFor(store.me.value, claim);
  const action = useAction();
  const [reason, setReason] = useState("");
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
    const done = await action.run(fn);
    if (done !== undefined) {
      setReason("");
      setNote("");
    }
  };
  const showCurrent = () => void store.read(partnerKey(claim.partner), partnerLoader(store, claim.partner));
  const id = `partnerhub-claim-${claim.id}`;
  const conflict = action.error instanceof BackendError && action.error.kind === "conflict";

  const needsReason = canHandover && !reason.trim();
  return (
    <div class="partnerhub-actions" aria-busy={action.busy}>
      {(simple.length > 0 || canHandover) && (
        <Field
          id={`${id}-reason`}
          label={i18n.t("partnerhub-action-reason")}
          help={i18n.t(canHandover ? "partnerhub-action-reason-help-handover" : "partnerhub-action-reason-help")}
        >
          <div class="cdx-text-input partnerhub-actions__reason">
            <input
              id={`${id}-reason`}
              class="cdx-text-input__input"
              value={reason}
              maxLength={LIMITS.reason}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </Field>
      )}
      {simple.length > 0 && (
        <div class="partnerhub-actions__buttons">
          {simple.map((a) => (
            <button
              key={a}
              type="button"
              disabled={action.busy}
              class={`cdx-button ${DESTRUCTIVE.has(a) ? "cdx-button--action-destructive" : "cdx-button--action-progressive"}`}
              onClick={() => go(() => actOnClaim(store, claim, a, { version: claim.version, reason }))}
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
            <button
              type="button"
              class="cdx-button"
              disabled={action.busy || needsReason || target === null}
              aria-describedby={needsReason ? `${id}-handover-why` : undefined}
              onClick={() => go(() => handOver(store, claim, { version: claim.version, to: target as number, reason }))}
            >
              {i18n.t("partnerhub-action-handover")}
            </button>
          </div>
          {needsReason && (
            <p id={`${id}-handover-why`} class="partnerhub-muted">
              {i18n.t("partnerhub-action-handover-needs-reason")}
            </p>
          )}
        </fieldset>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
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
