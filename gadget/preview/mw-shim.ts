/**
 * LOCAL PREVIEW ONLY — a minimal stand-in for MediaWiki's `mw` so that the real
 * gadget runs outside a wiki. It provides just what the gadget calls:
 * mw.config.get, mw.Api (unused here: the preview reads the backend),
 * mw.loader.using for the on-demand forms module, and the message functions
 * (mw-messages.ts, a preview-only stand-in for mediawiki.jqueryMsg). Never shipped.
 *
 * URL parameters: ?lang=ar (user language), ?night=1 (night mode),
 * ?backend=http://127.0.0.1:8787 (the local backend).
 */
import { installMessages } from "./mw-messages.ts";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") ?? "en";
const backendUrl = params.get("backend") ?? "http://127.0.0.1:8787";

const values: Record<string, unknown> = {
  wgUserLanguage: lang,
  wgUserName: null,
  wgPartnerhub: {
    backendUrl,
    directorySource: "backend",
    backendReadBeforeSignIn: true,
    devLogin: true,
  },
};

class PreviewApi {
  get(): Promise<never> {
    return Promise.reject(new Error("the preview has no wiki API"));
  }
}

const shim = {
  config: { get: (key: string) => values[key] ?? null, set: (key: string, v: unknown) => void (values[key] = v) },
  Api: PreviewApi,
  loader: {
    using: async (name: string) => {
      const module = /^ext\.gadget\.partnerhub-(\w+)$/.exec(name)?.[1];
      if (module) await import(`../src/modules/${module}.ts`);
    },
  },
};

installMessages(shim, lang);
(window as unknown as { mw: typeof shim }).mw = shim;
