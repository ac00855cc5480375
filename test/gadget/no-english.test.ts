/**
 * No user-facing words in the gadget's code: everything a reader sees comes from the message
 * catalogue (i18n/). The gadget's TSX is parsed (TypeScript's own parser, not a regex), and any
 * JSX text or user-visible attribute (`aria-label`, `title`, `placeholder`, `alt`, `label`) that
 * is a literal containing letters fails, with its file and line. Punctuation and symbols (`·`,
 * `×`, `…`) are not words and may stay.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label", "aria-description"]);
const WORD = /\p{L}{2,}/u;

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith(".tsx") ? [join(dir, e.name)] : [],
  );

/** Every literal word a reader would see in one TSX source, as `file:line: text`. */
function literalWords(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, text: string) =>
    found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${text.trim()}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) at(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
            ? init.expression
            : undefined;
      if (literal && WORD.test(literal.text)) at(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("the gadget's code", () => {
  it("has no literal words in JSX text or visible attributes: they come from the catalogue", () => {
    const found = tsxFiles(join(ROOT, "gadget/src")).flatMap((f) =>
      literalWords(relative(ROOT, f), readFileSync(f, "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("notices a literal word (the check itself works)", () => {
    const source = `export const A = () => <p title="Close it">Sign in · <b>{x}</b> ×</p>;`;
    expect(literalWords("a.tsx", source)).toEqual(["a.tsx:1: Close it", "a.tsx:1: Sign in ·"]);
  });
});
