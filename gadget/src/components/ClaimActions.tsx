/**
 * What the user may do with a claim, from the shared claim machine: withdraw,
 * accept, decline, release, complete, record progress, hand over, each through
 * a store action. A 409 says the claim moved on meanwhile; the view then
 * re-reads the current state.
 */
import { useState } from "preact/hooks";
import { canProgress, mayAct, nextStatus } from "../../../shared/claim-machine.ts";
import type { Claim } from "../../../shared/schemas.ts";
import { STAGES, type Stage } from "../../../shared/vocabulary.ts";
import type { SimpleAction } from "../api/backend.ts";
import { BackendError } from "../api/errors.ts";
import { actOnClaim, handOver, recordProgress } from "../state/actions/claims.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { actorFor } from "../state/actor.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
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

  return (
    <div class="partnerhub-actions" aria-busy={action.busy}>
      <div class="cdx-text-input partnerhub-actions__reason">
        <input
          id={`${id}-reason`}
          class="cdx-text-input__input"
          value={reason}
          placeholder={i18n.t("partnerhub-action-reason")}
          aria-label={i18n.t("partnerhub-action-reason")}
          onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
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
      {allowed("progress") && (
        <div class="partnerhub-actions__row">
          <select
            class="cdx-select"
            aria-label={i18n.t("partnerhub-action-stage")}
            value={stage}
            onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as Stage)}
          >
            {stages.map((s) => (
              <option key={s} value={s}>
                {labels.label("stage", s)}
              </option>
            ))}
          </select>
          <div class="cdx-text-input">
            <input
              class="cdx-text-input__input"
              value={note}
              aria-label={i18n.t("partnerhub-action-note")}
              placeholder={i18n.t("partnerhub-action-note")}
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
      )}
      {canHandover && (
        <div class="partnerhub-actions__row">
          <select
            class="cdx-select"
            aria-label={i18n.t("partnerhub-action-handover-to")}
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
            disabled={action.busy || !reason.trim() || target === null}
            onClick={() => go(() => handOver(store, claim, { version: claim.version, to: target as number, reason }))}
          >
            {i18n.t("partnerhub-action-handover")}
          </button>
        </div>
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
