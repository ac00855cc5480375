/**
 * The writes of the role views (representation, coordinators, the mirror, editing and
 * closing partners): each action calls the backend, applies the answer to the store, and
 * announces that it worked. Views never call the backend for a write themselves.
 */
import type { Claim, PartnerDetail, PartnerPatch } from "../../../../shared/schemas.ts";
import type { Backend } from "../../api/backend.ts";
import { loaded } from "../async.ts";
import type { Store } from "../store.ts";
import { AFFILIATES_KEY, affiliatesLoader } from "./affiliates.ts";
import { actOnClaim } from "./claims.ts";
import { partnerKey, partnerLoader } from "./partners.ts";

/** The resources the role views read (`useResource`), and how. */
export const MY_CLAIMS_KEY = "my-claims";
export const myClaimsLoader = (b: Backend) => b.myClaims();
export const COORDINATORS_KEY = "coordinators";
export const coordinatorsLoader = (b: Backend) => b.coordinators();
export const MIRROR_KEY = "mirror-status";
export const mirrorLoader = (b: Backend) => b.mirrorStatus();

const refresh = (store: Store, key: string, load: (b: Backend) => Promise<unknown>) => store.read(key, load);

/** A volunteer asks to represent an affiliate; coordinators and representatives verify someone. */
export async function requestRepresentation(store: Store, affiliate: string, username: string): Promise<void> {
  const { status } = await store.write((b) => b.addRepresentative(affiliate, username));
  await Promise.all([store.loadMe(), refresh(store, AFFILIATES_KEY, affiliatesLoader)]);
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
  await store.write((b) => b.removeRepresentative(affiliate, username));
  const name = store.affiliateName(affiliate);
  const self = username === store.session.value?.user.name;
  await Promise.all([self ? store.loadMe() : null, refresh(store, AFFILIATES_KEY, affiliatesLoader)]);
  store.announce(
    self
      ? store.i18n.t("partnerhub-represent-withdrawn", name)
      : was === "requested"
        ? store.i18n.t("partnerhub-representatives-refused", username, name)
        : store.i18n.t("partnerhub-representatives-removed", username, name),
  );
}

export async function addCoordinator(store: Store, username: string): Promise<void> {
  await store.write((b) => b.addCoordinator(username));
  await refresh(store, COORDINATORS_KEY, coordinatorsLoader);
  store.announce(store.i18n.t("partnerhub-admin-coordinator-added", username));
}

export async function removeCoordinator(store: Store, username: string): Promise<void> {
  await store.write((b) => b.removeCoordinator(username));
  await refresh(store, COORDINATORS_KEY, coordinatorsLoader);
  store.announce(store.i18n.t("partnerhub-admin-coordinator-removed", username));
}

export async function runMirror(store: Store): Promise<void> {
  const status = await store.write((b) => b.runMirror());
  store.resource(MIRROR_KEY).value = { status: "ready", value: status };
  store.announce(store.i18n.t("partnerhub-admin-mirror-ran", status.lag));
}

/** Save an edit made from `version`; a 412 (someone saved first) reaches the caller to show the conflict. */
export async function editPartner(
  store: Store,
  id: string,
  version: number,
  patch: PartnerPatch,
): Promise<PartnerDetail> {
  const saved = await store.write((b) => b.editPartner(id, version, patch));
  store.applyPartner(saved);
  store.navigate({ view: "partner", partner: id });
  store.notice.value = { partner: id, text: store.i18n.t("partnerhub-edit-saved") };
  return saved;
}

export async function closePartner(store: Store, id: string, reason: string): Promise<PartnerDetail> {
  const detail = await store.write((b) => b.closePartner(id, reason));
  store.applyPartner(detail);
  store.notice.value = { partner: id, text: store.i18n.t("partnerhub-partner-closed-done") };
  return detail;
}

export async function reopenPartner(store: Store, id: string): Promise<PartnerDetail> {
  const detail = await store.write((b) => b.reopenPartner(id));
  store.applyPartner(detail);
  store.notice.value = { partner: id, text: store.i18n.t("partnerhub-partner-reopened-done") };
  return detail;
}

/** A volunteer withdraws their own interested claim (from "Mine"); said above the view. */
export async function withdrawClaim(store: Store, claim: Claim, reason: string): Promise<void> {
  await actOnClaim(store, claim, "withdraw", { version: claim.version, reason });
  await refresh(store, MY_CLAIMS_KEY, myClaimsLoader);
  store.announce(store.i18n.t("partnerhub-done-withdraw", store.affiliateName(claim.affiliate)));
}

/** The partner as stored now (after a 412), read again from the backend. */
export async function currentPartner(store: Store, id: string): Promise<PartnerDetail> {
  await store.read(partnerKey(id), partnerLoader(store, id));
  const state = store.resource<PartnerDetail>(partnerKey(id)).value;
  const value = loaded(state);
  if (state.status === "error" || !value) throw state.status === "error" ? state.error : new Error(id);
  return value;
}
