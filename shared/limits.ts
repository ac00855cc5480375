/**
 * Lengths of the free text in requests, in characters: the schemas (shared/api.ts) enforce
 * them and the gadget shows them as counters. Free of zod, so the browsing bundle can use it.
 */
export const LIMITS = {
  claimMessage: 2000,
  reason: 1000,
  progressNote: 2000,
} as const;
