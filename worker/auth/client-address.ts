/**
 * Who is on the other end of a request, as far as it can be trusted. Per-address limits and the
 * dev login's "from loopback" rest on it, so an address a client can choose freely never counts:
 * on Node the socket's peer, or with `TRUST_PROXY` hops (Toolforge's front proxy: 1) the entry of
 * `X-Forwarded-For` that the outermost trusted proxy added; on Workers `CF-Connecting-IP`, which
 * Cloudflare's edge sets (and `wrangler dev` sets from its loopback socket). null: nobody can tell.
 */

/**
 * The client address behind `trustedHops` proxies: the socket's peer is the nearest hop, each
 * trusted proxy appended the address it saw to `X-Forwarded-For`. With fewer entries than
 * trusted hops the request did not come through the proxies, so nothing is trusted (null).
 *
 * @example forwardedClient("10.0.0.5", "203.0.113.7", 1) // "203.0.113.7"
 * @example forwardedClient("10.0.0.5", "6.6.6.6, 203.0.113.7", 1) // "203.0.113.7" (the client's own entry is ignored)
 */
export function forwardedClient(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trustedHops: number,
): string | null {
  if (!socketAddress) return null;
  if (trustedHops <= 0) return socketAddress;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...hops, socketAddress];
  const client = chain[chain.length - 1 - trustedHops];
  return client && isIpAddress(client) ? client : null;
}

/** An IPv4 or IPv6 address (what a proxy writes), not just any text a header carries. */
function isIpAddress(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || (/^[0-9a-f:.]+$/i.test(s) && s.includes(":"));
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how Node reports IPv4 peers on a dual-stack socket). */
export function isLoopbackAddress(ip: string): boolean {
  const v4 = ip.toLowerCase().startsWith("::ffff:") ? ip.slice(7) : ip;
  return ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
