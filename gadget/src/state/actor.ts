/** Who the signed-in user is relative to a claim, in the claim machine's terms. */
import type { Me } from "../../../shared/api.ts";
import type { ClaimActor } from "../../../shared/claim-machine.ts";
import type { Claim } from "../../../shared/schemas.ts";

export function actorFor(me: Me | null, claim: Pick<Claim, "affiliate" | "claimedBy">): ClaimActor {
  return {
    canWrite: me?.roles.canWrite ?? false,
    isCoordinator: me?.roles.coordinator ?? false,
    representsAffiliate:
      me?.affiliates.some((a) => a.affiliate === claim.affiliate && a.status === "verified") ?? false,
    isClaimant: me !== null && me.user.name === claim.claimedBy,
  };
}
