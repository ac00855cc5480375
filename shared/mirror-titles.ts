/** Titles of the mirror's JSON pages (see mirror-json.ts); free of zod so the gadget can import them. */

/** Title of the index page for a mirror prefix, e.g. `Content Partnerships Hub/Directory.json`. */
export const mirrorIndexTitle = (prefix: string): string => `${prefix}.json`;

/** Title of the n-th part (1-based). */
export const mirrorPartTitle = (prefix: string, n: number): string => `${prefix}.json/${n}`;
