/** Load the forms module on demand through ResourceLoader (or whatever `using` the host gives). */
import type { ComponentType } from "preact";
import type { createOAuthSignIn } from "../auth/oauth-provider.ts";
import type { Store } from "../state/store.ts";
import type { ReferralCheck } from "./validate-referral.ts";

/** The views that live in the forms module (see components/OnDemand.tsx). */
export type FormsViewName = "claims" | "representatives" | "admin" | "edit" | "partnerTools";

/** A forms view gets the app's store as a prop: context objects do not cross bundles. */
export interface FormsViewProps {
  store: Store;
  /** The partner, for the views about one. */
  partner: string | null;
}

export interface FormsModule {
  validateReferral: (input: unknown) => ReferralCheck;
  /** The Wikimedia OAuth 2 sign-in provider (auth/oauth-hookup.ts registers it). */
  createOAuthSignIn: typeof createOAuthSignIn;
  views: Record<FormsViewName, ComponentType<FormsViewProps>>;
}

type WithForms = { partnerhubForms?: FormsModule };

export async function loadForms(
  moduleName: string,
  using: (name: string) => PromiseLike<unknown>,
): Promise<FormsModule> {
  const w = window as unknown as WithForms;
  if (!w.partnerhubForms) await using(moduleName);
  if (!w.partnerhubForms) throw new Error(`${moduleName} did not register`);
  return w.partnerhubForms;
}
