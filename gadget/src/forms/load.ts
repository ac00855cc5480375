/** Load the forms module on demand through ResourceLoader (or whatever `using` the host gives). */
import type { ReferralCheck } from "./validate-referral.ts";

export interface FormsModule {
  validateReferral: (input: unknown) => ReferralCheck;
}

type WithForms = { partnerhubForms?: FormsModule };

export async function loadForms(moduleName: string, using: (name: string) => PromiseLike<unknown>): Promise<FormsModule> {
  const w = window as unknown as WithForms;
  if (!w.partnerhubForms) await using(moduleName);
  if (!w.partnerhubForms) throw new Error(`${moduleName} did not register`);
  return w.partnerhubForms;
}
