// Builds the test hub page's two modules with Vite (IIFE, ES2016, as the gadget is built) and
// checks that they parse at ES2016, as MediaWiki 1.43 validates gadget code.
import { parse } from "acorn";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Rolldown } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

async function bundle(entry: string, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    build: {
      write: false,
      target: "es2016",
      minify: true,
      lib: { entry: join(here, entry), formats: ["iife"], name, fileName: () => `${name}.js` },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = chunks.flatMap((o) => o.output).find((c) => c.type === "chunk");
  if (chunk?.type !== "chunk") throw new Error(`no output for ${entry}`);
  parse(chunk.code, { ecmaVersion: 2016, sourceType: "script" });
  return `// <nowiki>\n${chunk.code.trim()}\n// </nowiki>\n`;
}

/** `page`: the browsing module; `signIn`: the on-demand module with oauth4webapi. */
export async function buildHubPageModules(): Promise<{ page: string; signIn: string }> {
  return {
    page: await bundle("page.ts", "partnerhubOAuthPage"),
    signIn: await bundle("sign-in-module.ts", "partnerhubOAuthModule"),
  };
}
