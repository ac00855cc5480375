/** A User-Agent per Wikimedia's policy: tool name/version, a way to reach the operators, the library. */
export const CONTACT_URL = "https://meta.wikimedia.org/wiki/Content_Partnerships_Hub";

export function userAgent(version: string): string {
  return `partnerhub/${version} (${CONTACT_URL}) hono`;
}
