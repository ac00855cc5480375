/**
 * Claim actions: "we can take this partner", the transitions, progress, hand-over. Each
 * applies the write's answer (the partner as it is now) and says that it worked.
 */
import type { ClaimRequest, HandoverRequest, ProgressRequest, TransitionRequest } from "../../../../shared/api.ts";
import type { Claim, PartnerDetail } from "../../../../shared/schemas.ts";
import type { SimpleAction } from "../../api/backend.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { BackendError } from "../../api/errors.ts";
import type { Store } from "../store.ts";
import { refreshHistory } from "./history.ts";
import { partnerKey, partnerLoader } from "./partners.ts";

function applied(store: Store, partner: string, detail: PartnerDetail | undefined, key: MessageKey, who: string) {
  if (detail) store.applyPartner(detail);
  refreshHistory(store, partner);
  store.notice.value = { partner, text: store.i18n.t(key, store.affiliateName(who)) };
}

export async function claimPartner(store: Store, partner: string, body: ClaimRequest): Promise<Claim> {
  const answer = await store
    .write((b) => b.claim(partner, body))
    .catch((error: unknown) => {
      // Refused because the partner changed (another claim, a new status): the page behind the
      // dialog shows the partner as it is now, while the dialog keeps what was typed.
      if (error instanceof BackendError && error.kind === "conflict") {
        void store.read(partnerKey(partner), partnerLoader(store, partner));
        refreshHistory(store, partner);
      }
      throw error;
    });
  applied(store, partner, answer.partner, "partnerhub-claim-done", body.affiliate);
  return answer.claim;
}

export async function actOnClaim(
  store: Store,
  claim: Claim,
  action: SimpleAction,
  body: TransitionRequest,
): Promise<Claim> {
  const answer = await store.write((b) => b.transition(claim.id, action, body));
  applied(store, claim.partner, answer.partner, `partnerhub-done-${action}`, claim.affiliate);
  return answer.claim;
}

export async function recordProgress(store: Store, claim: Claim, body: ProgressRequest): Promise<Claim> {
  const answer = await store.write((b) => b.progress(claim.id, body));
  applied(store, claim.partner, answer.partner, "partnerhub-done-progress", claim.affiliate);
  return answer.claim;
}

export async function handOver(store: Store, claim: Claim, body: HandoverRequest): Promise<Claim> {
  const answer = await store.write((b) => b.handover(claim.id, body));
  applied(store, claim.partner, answer.partner, "partnerhub-done-handover", answer.lead.affiliate);
  return answer.lead;
}
