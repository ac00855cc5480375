/** Affiliate actions: the affiliates with their representatives, verifying a representative. */
import type { AffiliateList, RoleResult } from "../../../../shared/api.ts";
import type { Backend } from "../../api/backend.ts";
import type { Store } from "../store.ts";

export const AFFILIATES_KEY = "affiliates";
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
