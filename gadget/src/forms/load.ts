/** Load the forms module on demand through ResourceLoader (or whatever `using` the host gives). */
import type { createOAuthSignIn } from "../auth/oauth-provider.ts";
import type { ReferralCheck } from "./validate-referral.ts";

export interface FormsModule {
  validateReferral: (input: unknown) => ReferralCheck;
  /** The Wikimedia OAuth 2 sign-in provider (auth/oauth-hookup.ts registers it). */
  createOAuthSignIn: typeof createOAuthSignIn;
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
