/**
 * Validating a referral with the backend's own zod schema, so the form shows
 * the messages the backend would send. Lives in the on-demand forms module:
 * zod is too heavy for the browsing bundle.
 */
import type { PartnerInput as PartnerInputType } from "../../../shared/schemas.ts";
import { PartnerInput } from "../../../shared/schemas.ts";
import { describeIssue, type ValidationIssue } from "../../../shared/validation.ts";

export type ReferralCheck = { ok: true; value: PartnerInputType } | { ok: false; issues: ValidationIssue[] };

export function validateReferral(input: unknown): ReferralCheck {
  const result = PartnerInput.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map(describeIssue) };
}
