/**
 * LOCAL PREVIEW ONLY — a minimal stand-in for MediaWiki's `mw` so that the real
 * gadget runs outside a wiki. It provides just what the gadget calls:
 * mw.config.get, mw.Api (unused here: the preview reads the backend),
 * mw.loader.using for the on-demand forms module, and the message functions
 * (mw-messages.ts, a preview-only stand-in for mediawiki.jqueryMsg). Never shipped.
 *
 * URL parameters: ?lang=ar (user language), ?night=1 (night mode),
 * ?backend=http://127.0.0.1:8787 (the local backend),
 * ?wikidata=http://127.0.0.1:8790/w/api.php (Wikidata's API for the referral form's look-up:
 * `npm run wikidata:standin` serves the test-only stand-in there).
 */
import { installMessages } from "./mw-messages.ts";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") ?? "en";
const backendUrl = params.get("backend") ?? "http://127.0.0.1:8787";
const wikidataApi = params.get("wikidata") ?? "http://127.0.0.1:8790/w/api.php";

const values: Record<string, unknown> = {
  wgUserLanguage: lang,
  wgUserName: null,
  wgPartnerhub: {
    backendUrl,
    directorySource: "backend",
    backendReadBeforeSignIn: true,
    devLogin: true,
    wikidataApi,
  },
};

class PreviewApi {
  get(): Promise<never> {
    return Promise.reject(new Error("the preview has no wiki API"));
  }
}

/** mw.ForeignApi for anonymous GETs, as the real one sends them (`origin=*`). */
class PreviewForeignApi {
  constructor(private readonly url: string) {}
  async get(params: Record<string, string | number>): Promise<unknown> {
    const query = new URLSearchParams({
      ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
      origin: "*",
    });
    return (await fetch(`${this.url}?${query}`)).json();
  }
}

const shim = {
  config: { get: (key: string) => values[key] ?? null, set: (key: string, v: unknown) => void (values[key] = v) },
  Api: PreviewApi,
  ForeignApi: PreviewForeignApi,
  loader: {
    using: async (name: string) => {
      const module = /^ext\.gadget\.partnerhub-(\w+)$/.exec(name)?.[1];
      if (module) await import(`../src/modules/${module}.ts`);
    },
  },
};

installMessages(shim, lang);
(window as unknown as { mw: typeof shim }).mw = shim;
