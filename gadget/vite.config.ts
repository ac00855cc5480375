/**
 * The gadget's build and local preview.
 * - `vite build -c gadget/vite.config.ts`: the browsing gadget → dist/gadget/partnerhub.js + partnerhub.css
 *   and one module per language other than English → dist/gadget/partnerhub-i18n-<lang>.js
 *   (the app's messages and the forms module's; the forms module carries only its English)
 * - `… --mode forms`: the on-demand module (form validation, sign-in) → dist/gadget/partnerhub-forms.js
 * - `… --mode intake`: the coordinators' Import page and merge dialog → dist/gadget/partnerhub-intake.js
 * - `vite -c gadget/vite.config.ts`: the local preview page (gadget/preview/) on 127.0.0.1:8788
 * Output is one IIFE per module at ES2016 (what MediaWiki 1.43 validates), wrapped in <nowiki>.
 * The on-demand modules take Preact from the browsing bundle (src/runtime.ts) instead of their own copy.
 */
import preact from "@preact/preset-vite";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const here = import.meta.dirname;

const ENTRIES = {
  main: { entry: "src/main.tsx", file: "partnerhub" },
  forms: { entry: "src/forms/index.ts", file: "partnerhub-forms" },
  intake: { entry: "src/intake/index.ts", file: "partnerhub-intake" },
} as const;

/** The on-demand modules: each carries its own English; their translations ride in the language modules. */
const ON_DEMAND = { forms: "partnerhubForms", intake: "partnerhubIntake" } as const;
const onDemand = (mode: string): mode is keyof typeof ON_DEMAND => mode in ON_DEMAND;

/** Preact in the on-demand modules: the browsing bundle's (window.partnerhubRuntime), never a second copy. */
const SHARED_RUNTIME: Record<string, string> = {
  preact: "partnerhubRuntime.preact",
  "preact/hooks": "partnerhubRuntime.hooks",
  "preact/jsx-runtime": "partnerhubRuntime.jsx",
  "preact/jsx-dev-runtime": "partnerhubRuntime.jsx",
};

/** Wrap the final (minified) script so that wikitext never parses it as markup. */
const nowiki = (): Plugin => ({
  name: "partnerhub-nowiki",
  apply: "build",
  enforce: "post",
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === "chunk") chunk.code = `// <nowiki>\n${chunk.code.trim()}\n// </nowiki>\n`;
    }
  },
});

/**
 * Each translation in i18n/ (not English, which the bundle carries, nor qqq, the documentation)
 * becomes a hidden gadget module that registers its messages, and the forms module's in that
 * language (i18n/forms/<lang>.json): ResourceLoader caches and versions it like the gadget itself,
 * and the browsing bundle stays free of every other language.
 */
const languageModules = (): Plugin => ({
  name: "partnerhub-language-modules",
  apply: "build",
  generateBundle() {
    const dir = resolve(here, "../i18n");
    for (const file of readdirSync(dir).filter((f) => /^[a-z][a-z0-9-]*\.json$/.test(f))) {
      const lang = file.slice(0, -".json".length);
      if (lang === "en" || lang === "qqq") continue;
      const read = (path: string) =>
        existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>) : {};
      // The on-demand modules' translations ride along (i18n/forms/<lang>.json, i18n/intake/<lang>.json):
      // those modules themselves carry only English, registered under these when they load.
      const { "@metadata": _, ...messages } = {
        ...read(resolve(dir, "intake", file)),
        ...read(resolve(dir, "forms", file)),
        ...read(resolve(dir, file)),
      };
      // U+2028/2029 are line ends before ES2019: escape them so that ES2016 parsers accept the string.
      const json = JSON.stringify(messages).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
      this.emitFile({
        type: "asset",
        fileName: `partnerhub-i18n-${lang}.js`,
        source: `// <nowiki>\nmw.messages.set(${json});\n// </nowiki>\n`,
      });
    }
  },
});

/** The English the browsing bundle carries: the catalogue without the mirror's wiki-page words. */
const englishForTheGadget = (): Plugin => ({
  name: "partnerhub-english",
  enforce: "pre",
  load(id) {
    if (id !== resolve(here, "../i18n/en.json")) return null;
    const all = JSON.parse(readFileSync(id, "utf8")) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith("partnerhub-mirror-"))));
  },
});

export default defineConfig(({ command, mode }) => {
  const which = onDemand(mode) ? ENTRIES[mode] : ENTRIES.main;
  return {
    root: here,
    plugins: [
      preact({ prefreshEnabled: command === "serve", devToolsEnabled: false }),
      nowiki(),
      englishForTheGadget(),
      ...(onDemand(mode) ? [] : [languageModules()]),
    ],
    server: { host: "127.0.0.1", port: 8788, strictPort: true, open: false },
    preview: { host: "127.0.0.1", port: 8788, strictPort: true },
    build: {
      target: "es2016",
      outDir: resolve(here, "../dist/gadget"),
      emptyOutDir: !onDemand(mode),
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      lib: {
        entry: resolve(here, which.entry),
        formats: ["iife"],
        name: onDemand(mode) ? ON_DEMAND[mode] : "partnerhubGadget",
        fileName: () => `${which.file}.js`,
        cssFileName: which.file,
      },
      rollupOptions: onDemand(mode)
        ? { external: Object.keys(SHARED_RUNTIME), output: { globals: SHARED_RUNTIME } }
        : {},
    },
  };
});
