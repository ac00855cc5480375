/**
 * The gadget's build and local preview.
 * - `vite build -c gadget/vite.config.ts`: the browsing gadget → dist/gadget/partnerhub.js + partnerhub.css
 * - `… --mode forms`: the on-demand module (form validation, sign-in) → dist/gadget/partnerhub-forms.js
 * - `vite -c gadget/vite.config.ts`: the local preview page (gadget/preview/) on 127.0.0.1:8788
 * Output is one IIFE per module at ES2016 (what MediaWiki 1.43 validates), wrapped in <nowiki>.
 * The forms module takes Preact from the browsing bundle (src/runtime.ts) instead of its own copy.
 */
import preact from "@preact/preset-vite";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const here = import.meta.dirname;

const ENTRIES = {
  main: { entry: "src/main.tsx", file: "partnerhub" },
  forms: { entry: "src/forms/index.ts", file: "partnerhub-forms" },
} as const;

/** Wrap the final (minified) script so that wikitext never parses it as markup. */
/** Preact in the forms module: the browsing bundle's (window.partnerhubRuntime), never a second copy. */
const SHARED_RUNTIME: Record<string, string> = {
  preact: "partnerhubRuntime.preact",
  "preact/hooks": "partnerhubRuntime.hooks",
  "preact/jsx-runtime": "partnerhubRuntime.jsx",
  "preact/jsx-dev-runtime": "partnerhubRuntime.jsx",
};

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

export default defineConfig(({ command, mode }) => {
  const which = mode === "forms" ? ENTRIES.forms : ENTRIES.main;
  return {
    root: here,
    plugins: [preact({ prefreshEnabled: command === "serve", devToolsEnabled: false }), nowiki()],
    server: { host: "127.0.0.1", port: 8788, strictPort: true, open: false },
    preview: { host: "127.0.0.1", port: 8788, strictPort: true },
    build: {
      target: "es2016",
      outDir: resolve(here, "../dist/gadget"),
      emptyOutDir: mode !== "forms",
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      lib: {
        entry: resolve(here, which.entry),
        formats: ["iife"],
        name: mode === "forms" ? "partnerhubForms" : "partnerhubGadget",
        fileName: () => `${which.file}.js`,
        cssFileName: which.file,
      },
      rollupOptions:
        mode === "forms" ? { external: Object.keys(SHARED_RUNTIME), output: { globals: SHARED_RUNTIME } } : {},
    },
  };
});
