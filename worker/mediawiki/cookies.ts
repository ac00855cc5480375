/** A cookie jar for one wiki session: Workers' fetch keeps no cookies, so the client does. */

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes in the Set-Cookie headers of an answer; a cookie the wiki expires is dropped. */
  store(headers: Headers): void {
    for (const header of headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || value === "deleted" || attributes.some(isExpiry)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header to send, or null when the jar is empty. */
  header(): string | null {
    if (this.cookies.size === 0) return null;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  clear(): void {
    this.cookies.clear();
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}

/** `Max-Age=0` or an `Expires` in the past: MediaWiki's way of deleting a cookie on logout. */
function isExpiry(attribute: string): boolean {
  const [key = "", value = ""] = attribute.trim().split("=");
  const k = key.toLowerCase();
  if (k === "max-age") return Number(value) <= 0;
  if (k === "expires") return Date.parse(value) < Date.now();
  return false;
}
