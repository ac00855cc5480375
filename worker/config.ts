/** Deployment configuration: wrangler vars and secrets, or the same names as environment variables on Node. */
import { STALE_AFTER_DAYS, STALE_GRACE_DAYS } from "../shared/claim-machine.ts";
import { normaliseUserName } from "../shared/schemas.ts";

export interface Config {
  wikiScriptUrl: string;
  allowedOrigins: string[];
  coordinators: string[];
  sessionSecret: string;
  sessionTtlSeconds: number;
  devLogin: boolean;
  mirror: {
    pagePrefix: string;
    botUsername: string | null;
    botPassword: string | null;
    oauthToken: string | null;
    /** The category whose pages load the gadget, without `Category:` (MIRROR_CATEGORY; gadget/definition.txt's `categories=`). */
    category: string;
    /** Overrides the wiki's `$wgMaxArticleSize` in bytes (MIRROR_MAX_PAGE_BYTES); null: ask the wiki. */
    maxPageBytes: number | null;
    /** What the gadget on the directory page is told (as data- attributes of its mount point). */
    gadget: {
      /** This backend's public URL (PUBLIC_URL): where the gadget signs in and writes. */
      backendUrl: string | null;
      /** The wiki's OAuth 2 client id for the gadget (OAUTH_CLIENT_ID). */
      oauthClientId: string | null;
      /** Wikidata's action API for the referral form's look-up (WIKIDATA_API_URL); null: the gadget's default, Wikidata. */
      wikidataApi: string | null;
    };
  };
  staleAfterDays: number;
  staleGraceDays: number;
  /** Days before the stale mark, and again before release, that the lead's people are warned (STALE_WARN_DAYS). */
  staleWarnDays: number;
  /** Writes a user may make per minute before 429. */
  writesPerMinute: number;
  /** OAuth sign-ins (`POST /session`) a client address may attempt per minute before 429. */
  sessionsPerMinute: number;
  /** Proxies in front of the Node server whose `X-Forwarded-For` entries count (TRUST_PROXY; Toolforge: 1). Workers ignore it. */
  trustProxy: number;
  version: string;
}

export type RawConfig = Record<string, unknown>;

const list = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

function positiveInt(v: unknown, fallback: number, name: string): number {
  if (v === undefined || v === null || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number of days or seconds, not ${String(v)}`);
  return n;
}

/** An http(s) URL (the backend's own public base URL, Wikidata's API), without a trailing slash. */
function httpUrl(v: unknown, name: string): string | null {
  const raw = str(v);
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, not ${raw}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`${name} must be an http(s) URL, not ${raw}`);
  return url.href.replace(/\/+$/, "");
}

/** An OAuth 2 client id as Extension:OAuth issues them (hex), or any plain token a stand-in uses. */
function clientId(v: unknown): string | null {
  const raw = str(v);
  if (raw !== null && !/^[A-Za-z0-9_-]{1,128}$/.test(raw))
    throw new Error(`OAUTH_CLIENT_ID is not a client id: ${raw}`);
  return raw;
}

/** A category name that is safe to put into `[[Category:…]]`. */
function categoryName(v: unknown): string {
  const name = (str(v) ?? "Content Partnerships Hub directory").replace(/^Category:/i, "");
  if (/[\u0000-\u001F#<>[\]|{}~&%]/.test(name))
    throw new Error(`MIRROR_CATEGORY is not a valid category name: ${name}`);
  return name;
}

/** Reads and checks the configuration; throws with the name of a missing or bad setting. */
export function readConfig(env: RawConfig): Config {
  const sessionSecret = str(env.SESSION_SECRET);
  if (!sessionSecret || sessionSecret.length < 32) {
    throw new Error("SESSION_SECRET must be set to at least 32 characters (wrangler secret put SESSION_SECRET)");
  }
  const wikiScriptUrl = str(env.WIKI_SCRIPT_URL);
  if (!wikiScriptUrl) throw new Error("WIKI_SCRIPT_URL must be set, e.g. https://meta.wikimedia.org/w");
  return {
    wikiScriptUrl: wikiScriptUrl.replace(/\/+$/, ""),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    coordinators: list(env.COORDINATORS).map(normaliseUserName),
    sessionSecret,
    sessionTtlSeconds: positiveInt(env.SESSION_TTL_SECONDS, 7200, "SESSION_TTL_SECONDS"),
    devLogin: str(env.DEV_LOGIN) === "on",
    mirror: {
      pagePrefix: str(env.MIRROR_PAGE_PREFIX) ?? "Content Partnerships Hub/Directory",
      botUsername: str(env.MIRROR_BOT_USERNAME),
      botPassword: str(env.MIRROR_BOT_PASSWORD),
      oauthToken: str(env.MIRROR_OAUTH_TOKEN),
      category: categoryName(env.MIRROR_CATEGORY),
      maxPageBytes: positiveInt(env.MIRROR_MAX_PAGE_BYTES, 0, "MIRROR_MAX_PAGE_BYTES") || null,
      gadget: {
        backendUrl: httpUrl(env.PUBLIC_URL, "PUBLIC_URL"),
        oauthClientId: clientId(env.OAUTH_CLIENT_ID),
        wikidataApi: httpUrl(env.WIKIDATA_API_URL, "WIKIDATA_API_URL"),
      },
    },
    staleAfterDays: positiveInt(env.STALE_AFTER_DAYS, STALE_AFTER_DAYS, "STALE_AFTER_DAYS"),
    staleGraceDays: positiveInt(env.STALE_GRACE_DAYS, STALE_GRACE_DAYS, "STALE_GRACE_DAYS"),
    staleWarnDays: positiveInt(env.STALE_WARN_DAYS, 7, "STALE_WARN_DAYS"),
    writesPerMinute: positiveInt(env.WRITES_PER_MINUTE, 30, "WRITES_PER_MINUTE"),
    sessionsPerMinute: positiveInt(env.SESSIONS_PER_MINUTE, 10, "SESSIONS_PER_MINUTE"),
    trustProxy: positiveInt(env.TRUST_PROXY, 0, "TRUST_PROXY"),
    version: str(env.VERSION) ?? "0.1.0",
  };
}
