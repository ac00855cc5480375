/**
 * The gadget's build and local preview.
 * - `vite build -c gadget/vite.config.ts`: the browsing gadget → dist/gadget/partnerhub.js + partnerhub.css,
 *   its head stylesheet → dist/gadget/partnerhub-first.css (the first screen's room, src/styles/first.css)
 *   and one module per language other than English → dist/gadget/partnerhub-i18n-<lang>.js
 *   (the app's messages and the forms module's; the forms module carries only its English)
 * - `… --mode <name>`: an on-demand module (gadget/src/modules/<name>.ts: partner, forms, signin,
 *   coordinator, edit, account, intake) → dist/gadget/partnerhub-<name>.js; `node gadget/build.ts` builds them all
 * Each bundle carries the English of only the message keys its own code names (`onlyNamedMessages`).
 * - `vite -c gadget/vite.config.ts`: the local preview page (gadget/preview/) on 127.0.0.1:8788
 * Output is one IIFE per module at ES2016 (what MediaWiki 1.43 validates), wrapped in <nowiki>.
 * The on-demand modules take Preact from the browsing bundle (src/runtime.ts) instead of their own copy.
 */
import preact from "@preact/preset-vite";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const here = import.meta.dirname;

/** The on-demand modules: `src/modules/<name>.ts`, each a hidden gadget `partnerhub-<name>`. */
export const ON_DEMAND_MODULES = ["partner", "signin", "forms", "coordinator", "edit", "account", "intake"] as const;

/** Preact and signals in the on-demand modules: the browsing bundle's (window.partnerhubRuntime), never a second copy. */
const SHARED_RUNTIME: Record<string, string> = {
  preact: "partnerhubRuntime.preact",
  "preact/hooks": "partnerhubRuntime.hooks",
  "preact/jsx-runtime": "partnerhubRuntime.jsx",
  "preact/jsx-dev-runtime": "partnerhubRuntime.jsx",
  "@preact/signals": "partnerhubRuntime.signals",
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
      // The forms module's translations ride along (i18n/forms/<lang>.json): the forms module
      // itself carries only English, registered under these when it loads.
      const { "@metadata": _, ...messages } = { ...read(resolve(dir, "forms", file)), ...read(resolve(dir, file)) };
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

/**
 * The first screen's room (src/styles/first.css) as its own stylesheet, for the styles-only peer
 * gadget `partnerhub-first` that MediaWiki loads in the page's head (gadget/definition.txt).
 */
const firstPaintStyles = (): Plugin => ({
  name: "partnerhub-first-paint-styles",
  apply: "build",
  generateBundle() {
    // Its why-comment stays in the source: the page in the head carries the rule alone.
    const source = readFileSync(resolve(here, "src/styles/first.css"), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .trim();
    this.emitFile({ type: "asset", fileName: "partnerhub-first.css", source });
  },
});

const CATALOGUES = [resolve(here, "../i18n/en.json"), resolve(here, "../i18n/forms/en.json")];
const placeholder = (i: number) => `__PARTNERHUB_ENGLISH_${i}__`;

/**
 * The English a bundle carries: of the catalogues (i18n/en.json, i18n/forms/en.json), only the
 * keys that the bundle's own minified code names. A key is named as a whole string
 * (`"partnerhub-back"`) or, when built from data, as a prefix ending in `-`
 * (`` `partnerhub-error-${code}` ``): every key with that prefix comes along. The catalogue
 * module is a placeholder until the code is final, then replaced by the subset.
 */
const onlyNamedMessages = (): Plugin => ({
  name: "partnerhub-english",
  // The preview (vite's dev server) has no final code to read the keys from: it serves the catalogues whole.
  apply: "build",
  enforce: "pre",
  async resolveId(source, importer) {
    if (!source.endsWith("en.json")) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    const i = resolved ? CATALOGUES.indexOf(resolved.id) : -1;
    return i < 0 ? null : `\0partnerhub-english-${i}`;
  },
  load(id) {
    const i = /^\0partnerhub-english-(\d)$/.exec(id)?.[1];
    return i === undefined ? null : `export default JSON.parse(${JSON.stringify(placeholder(Number(i)))});`;
  },
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk") continue;
      // Not a module name (`ext.gadget.partnerhub-<name>`), which is no message.
      const named = new Set(chunk.code.match(/(?<![.\w-])partnerhub-[a-z0-9-]*/g) ?? []);
      const prefixes = [...named].filter((n) => n.endsWith("-"));
      const wanted = (key: string) => named.has(key) || prefixes.some((p) => key.startsWith(p));
      CATALOGUES.forEach((file, i) => {
        const all = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        const kept = Object.fromEntries(Object.entries(all).filter(([k]) => k !== "@metadata" && wanted(k)));
        const literal = JSON.stringify(JSON.stringify(kept)).replace(
          /[\u2028\u2029]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16)}`,
        );
        // As a string literal in any quotes the minifier chose ("", '' or ``).
        chunk.code = chunk.code.replace(new RegExp(`(["'\`])${placeholder(i)}\\1`, "g"), () => literal);
      });
    }
  },
});

export default defineConfig(({ command, mode }) => {
  const onDemand = (ON_DEMAND_MODULES as readonly string[]).includes(mode);
  const which = onDemand
    ? { entry: `src/modules/${mode}.ts`, file: `partnerhub-${mode}`, name: `partnerhub_${mode}` }
    : { entry: "src/main.tsx", file: "partnerhub", name: "partnerhubGadget" };
  return {
    root: here,
    plugins: [
      preact({ prefreshEnabled: command === "serve", devToolsEnabled: false }),
      onlyNamedMessages(),
      nowiki(),
      ...(onDemand ? [] : [languageModules(), firstPaintStyles()]),
    ],
    server: { host: "127.0.0.1", port: 8788, strictPort: true, open: false },
    preview: { host: "127.0.0.1", port: 8788, strictPort: true },
    build: {
      target: "es2016",
      outDir: resolve(here, "../dist/gadget"),
      emptyOutDir: !onDemand,
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      lib: {
        entry: resolve(here, which.entry),
        formats: ["iife"],
        name: which.name,
        fileName: () => `${which.file}.js`,
        cssFileName: which.file,
      },
      rollupOptions: onDemand ? { external: Object.keys(SHARED_RUNTIME), output: { globals: SHARED_RUNTIME } } : {},
    },
  };
});
