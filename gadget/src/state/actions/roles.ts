/**
 * The writes of the role views (representation, coordinators, the mirror, editing and
 * closing partners): each action calls the backend, applies the answer to the store, and
 * announces that it worked. Views never call the backend for a write themselves.
 */
import type { PartnerDetail, PartnerPatch } from "../../../../shared/schemas.ts";
import type { Backend } from "../../api/backend.ts";
import type { Store } from "../store.ts";

function backendOf(store: Store): Backend {
  if (!store.backend) throw new Error("no backend configured");
  return store.backend;
}

/** A volunteer asks to represent an affiliate; coordinators and representatives verify someone. */
export async function requestRepresentation(store: Store, affiliate: string, username: string): Promise<void> {
  const { status } = await backendOf(store).representative(affiliate, username);
  await store.loadMe();
  const name = store.affiliateName(affiliate);
  store.announce(
    username === store.session.value?.user.name && status === "requested"
      ? store.i18n.t("partnerhub-represent-requested", name)
      : store.i18n.t("partnerhub-representatives-verified", username, name),
  );
}

/** Refuse a request, remove a representative, or (for oneself) withdraw a request. */
export async function removeRepresentation(
  store: Store,
  affiliate: string,
  username: string,
  was: "requested" | "verified",
): Promise<void> {
  await backendOf(store).removeRepresentative(affiliate, username);
  const name = store.affiliateName(affiliate);
  const self = username === store.session.value?.user.name;
  if (self) await store.loadMe();
  store.announce(
    self
      ? store.i18n.t("partnerhub-represent-withdrawn", name)
      : was === "requested"
        ? store.i18n.t("partnerhub-representatives-refused", username, name)
        : store.i18n.t("partnerhub-representatives-removed", username, name),
  );
}

export async function addCoordinator(store: Store, username: string): Promise<void> {
  await backendOf(store).addCoordinator(username);
  store.announce(store.i18n.t("partnerhub-admin-coordinator-added", username));
}

export async function removeCoordinator(store: Store, username: string): Promise<void> {
  await backendOf(store).removeCoordinator(username);
  store.announce(store.i18n.t("partnerhub-admin-coordinator-removed", username));
}

export async function runMirror(store: Store): Promise<void> {
  const status = await backendOf(store).runMirror();
  store.announce(store.i18n.t("partnerhub-admin-mirror-ran", status.lag));
}

/** Save an edit made from `version`; a 412 (someone saved first) reaches the caller to show the conflict. */
export async function editPartner(
  store: Store,
  id: string,
  version: number,
  patch: PartnerPatch,
): Promise<PartnerDetail> {
  const saved = await backendOf(store).editPartner(id, version, patch);
  store.updatePartner(saved);
  store.navigate({ view: "partner", partner: id });
  store.announce(store.i18n.t("partnerhub-edit-saved"));
  return saved;
}

export async function closePartner(store: Store, id: string, reason: string): Promise<PartnerDetail> {
  const detail = await backendOf(store).closePartner(id, reason);
  store.updatePartner(detail);
  store.announce(store.i18n.t("partnerhub-partner-closed-done"));
  return detail;
}

export async function reopenPartner(store: Store, id: string): Promise<PartnerDetail> {
  const detail = await backendOf(store).reopenPartner(id);
  store.updatePartner(detail);
  store.announce(store.i18n.t("partnerhub-partner-reopened-done"));
  return detail;
}

/** A volunteer withdraws their own interested claim (from "My claims"). */
export async function withdrawClaim(
  store: Store,
  claim: { id: number; version: number; affiliate: string; partner: string },
  reason: string,
): Promise<void> {
  await backendOf(store).transition(claim.id, "withdraw", { version: claim.version, reason });
  store.announce(store.i18n.t("partnerhub-done-withdraw", store.affiliateName(claim.affiliate)));
}
