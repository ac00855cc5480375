/** Affiliate actions: the affiliates with their representatives, the user's own, verifying a representative. */
import type { AffiliateList, RoleResult } from "../../../../shared/api.ts";
import type { Affiliate } from "../../../../shared/schemas.ts";
import type { Backend } from "../../api/backend.ts";
import type { Store } from "../store.ts";

export const AFFILIATES_KEY = "affiliates";

/** The user's affiliates: verified ones first, then requested, then the rest. */
export function affiliatesForUser(
  store: Pick<Store, "me" | "affiliates">,
): Array<{ affiliate: Affiliate; status: "verified" | "requested" | null }> {
  const mine = new Map((store.me.value?.affiliates ?? []).map((a) => [a.affiliate, a.status]));
  const order = { verified: 0, requested: 1 } as const;
  return store.affiliates.value
    .map((affiliate) => ({ affiliate, status: mine.get(affiliate.id) ?? null }))
    .sort(
      (a, b) =>
        (a.status ? order[a.status] : 2) - (b.status ? order[b.status] : 2) ||
        a.affiliate.name.localeCompare(b.affiliate.name),
    );
}
export const affiliatesLoader = (b: Backend) => b.affiliates();

/** Verify `user` as a representative of `affiliate`; the answer (their standing) updates the list in place. */
export async function verifyRepresentative(store: Store, affiliate: string, user: string): Promise<RoleResult> {
  const answer = await store.write((b) => b.addRepresentative(affiliate, user));
  const list = store.resource<AffiliateList>(AFFILIATES_KEY);
  if (list.value.status === "ready") {
    const affiliates = list.value.value.affiliates.map((a) =>
      a.id !== affiliate
        ? a
        : {
            ...a,
            representatives: a.representatives.map((r) =>
              r.user === answer.user ? { ...r, status: answer.status } : r,
            ),
          },
    );
    list.value = { status: "ready", value: { affiliates } };
  }
  store.notice.value = {
    partner: null,
    text: store.i18n.t("partnerhub-done-verify", answer.user, store.affiliateName(affiliate)),
  };
  return answer;
}
