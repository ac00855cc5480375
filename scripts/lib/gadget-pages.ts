/** What deploying the gadget writes: one wiki page per built file, and our lines in MediaWiki:Gadgets-definition. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

export const DEFINITION_TITLE = "MediaWiki:Gadgets-definition";
export const SECTION = "partnerhub";

export interface GadgetPage {
  title: string;
  content: string;
}

/** `dist/gadget/partnerhub.js` → `MediaWiki:Gadget-partnerhub.js`, for every .js and .css file. */
export function builtPages(distDir: string): GadgetPage[] {
  return readdirSync(distDir)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()
    .map((f) => ({ title: `MediaWiki:Gadget-${basename(f)}`, content: readFileSync(join(distDir, f), "utf8") }));
}

/** The definition lines to install (`* name[options]|files`), ignoring comments and blank lines. */
export function definitionLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("*"));
}

/**
 * One hidden gadget per built language module (`partnerhub-i18n-de.js`): the browsing gadget loads
 * `ext.gadget.partnerhub-i18n-<lang>` along the user's fallback chain, and a language without a
 * line is simply not there. Adding a language is adding its i18n/<lang>.json; no line to write.
 */
export function languageLines(distDir: string): string[] {
  return readdirSync(distDir)
    .filter((f) => /^partnerhub-i18n-[a-z0-9-]+\.js$/.test(f))
    .sort()
    .map((f) => `* ${f.slice(0, -".js".length)}[ResourceLoader|hidden|type=general]|${f}`);
}

const gadgetName = (line: string) => /^\*\s*([^[|\s]+)/.exec(line)?.[1] ?? "";

/**
 * Puts our lines into the wiki's Gadgets-definition: lines of the same gadget
 * names are replaced where they are; new ones go under a `== partnerhub ==`
 * section (created at the end if missing). Everything else stays as it was.
 */
export function mergeDefinition(current: string, ours: string[]): string {
  const byName = new Map(ours.map((l) => [gadgetName(l), l]));
  const placed = new Set<string>();
  const lines = current.split("\n").map((line) => {
    const name = line.trim().startsWith("*") ? gadgetName(line.trim()) : "";
    const replacement = byName.get(name);
    if (replacement === undefined) return line;
    placed.add(name);
    return replacement;
  });
  const missing = ours.filter((l) => !placed.has(gadgetName(l)));
  if (missing.length === 0) return lines.join("\n");
  const heading = lines.findIndex((l) => new RegExp(`^==\\s*${SECTION}\\s*==\\s*$`).test(l.trim()));
  if (heading >= 0) {
    lines.splice(heading + 1, 0, ...missing);
    return lines.join("\n");
  }
  const body = lines.join("\n").replace(/\s+$/, "");
  return `${body}${body ? "\n\n" : ""}== ${SECTION} ==\n${missing.join("\n")}\n`;
}
