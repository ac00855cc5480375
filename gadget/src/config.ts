/**
 * The gadget's configuration: `mw.config.get("wgPartnerhub")` (set by the wiki
 * or the preview), then `data-*` attributes on the mount point, over defaults.
 */
import { STALE_AFTER_DAYS } from "../../shared/claim-machine.ts";

export interface GadgetConfig {
  /** Origin (and optional path) of the backend, e.g. `https://partnerhub.toolforge.org`; empty: none. */
  backendUrl: string;
  /** Title prefix of the mirror's pages; the gadget reads `<prefix>.json`. */
  mirrorPrefix: string;
  /** Where the directory comes from: the wiki's mirror pages, or the backend (local preview). */
  directorySource: "mirror" | "backend";
  /** Whether the backend may be read before sign-in (as a fallback when the mirror cannot be read). */
  backendReadBeforeSignIn: boolean;
  /** The Wikimedia OAuth 2 client id (used by the sign-in module, issue 5). */
  oauthClientId: string;
  /** Offer `POST /session/dev` sign-in by user name (local development only). */
  devLogin: boolean;
  /** Days without progress after which a lead is stale (the backend's STALE_AFTER_DAYS). */
  staleAfterDays: number;
  /** Wikidata's action API, asked through `mw.ForeignApi` by the referral form's look-up (default: Wikidata's). */
  wikidataApi?: string;
}

export const DEFAULT_CONFIG = {
  backendUrl: "",
  mirrorPrefix: "Content Partnerships Hub/Directory",
  directorySource: "mirror",
  backendReadBeforeSignIn: false,
  oauthClientId: "",
  devLogin: false,
  staleAfterDays: STALE_AFTER_DAYS,
} satisfies GadgetConfig;

const ATTRIBUTES: Record<string, keyof GadgetConfig> = {
  "data-backend": "backendUrl",
  "data-mirror-prefix": "mirrorPrefix",
  "data-directory-source": "directorySource",
  "data-oauth-client-id": "oauthClientId",
  "data-wikidata-api": "wikidataApi",
};

function fromAttributes(el: Element | null): Partial<GadgetConfig> {
  const out: Record<string, string> = {};
  if (!el) return out;
  for (const [attr, key] of Object.entries(ATTRIBUTES)) {
    const value = el.getAttribute(attr);
    if (value) out[key] = value;
  }
  return out as Partial<GadgetConfig>;
}

/** Merge the wiki's configuration and the mount point's attributes over the defaults. */
export function readConfig(mount: Element | null, fromWiki: unknown): GadgetConfig {
  const wiki = fromWiki && typeof fromWiki === "object" ? (fromWiki as Partial<GadgetConfig>) : {};
  const merged: GadgetConfig = { ...DEFAULT_CONFIG, ...wiki, ...fromAttributes(mount) };
  merged.backendUrl = merged.backendUrl.replace(/\/+$/, "");
  if (merged.directorySource !== "backend") merged.directorySource = "mirror";
  return merged;
}
