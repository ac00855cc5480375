/**
 * Wikitext escaping for what users typed. Every such string becomes literal text inside
 * `<nowiki>`, which MediaWiki replaces by an opaque strip marker before it looks for tables,
 * templates, links, signatures, magic words or list markup, and puts back only at the end.
 *
 * What still needs care inside `<nowiki>`, measured on MediaWiki 1.43:
 * - `</nowiki>` would end it early: `<` and `>` are written as `&lt;` `&gt;`, so no tag can
 *   open or close (comments `<!--` included).
 * - Character references are still decoded (`&#124;` shows as `|`): `&` is written `&amp;` so
 *   that a user's `&lt;` shows as typed.
 * - A raw newline survives the strip marker, but a cell reads better without it: lines are
 *   joined with `<br />` outside the nowiki.
 * - DEL (U+007F) starts MediaWiki's own strip markers: it and other control characters are
 *   replaced by U+FFFD, so no user text can forge a marker.
 * - French spacing still applies inside nowiki (`a :` shows `a&nbsp;:`): those spaces are written `&#32;`.
 * - Pre-save transform (`~~~~`, `{{subst:}}`, the pipe trick) skips nowiki content too.
 */

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One line of user text as literal wikitext (empty string for empty text). */
function nowikiLine(line: string): string {
  if (line === "") return "";
  const literal = line
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // French spacing turns these spaces into no-break spaces even inside nowiki: a reference keeps them as typed.
    .replace(/ (?=[?:;!%»›])/g, "&#32;")
    .replace(/([«‹]) /g, "$1&#32;");
  return `<nowiki>${literal}</nowiki>`;
}

/**
 * Any user text as literal wikitext that is safe in a table cell, a link label or a list item:
 * it cannot close the cell or row, open a template, link, category, file, signature, magic
 * word, tag or comment, or start list or heading markup.
 *
 * @example escapeText("a | b}}") === "<nowiki>a | b}}</nowiki>"
 */
export function escapeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "\uFFFD").split("\n").map(nowikiLine).join("<br />");
}

/**
 * A wiki page title the mirror may link to: no link, template or tag syntax, no signature,
 * no relative or external-looking target. Anything else is shown as text, unlinked.
 */
export function isSafeLinkTarget(title: string): boolean {
  return (
    title.length > 0 &&
    title.length <= 255 &&
    !/[\u0000-\u001F\u007F#<>[\]|{}&%~\n]/.test(title) &&
    !/^[\s:/.]/.test(title) &&
    !/\/\.\.?(?:\/|$)/.test(title) &&
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(title)
  );
}

/**
 * An internal link with an escaped label. The leading colon makes `Category:` and `File:`
 * targets ordinary links rather than a categorisation or an embedded image.
 */
/**
 * A link to a wiki user's page, labelled with the name. Only plain names (letters, digits,
 * spaces and . _ ' ( ) -, no "__" that could be a magic word) are linked; anything else
 * stays escaped text, since the link target itself is not escaped.
 */
export function userLink(name: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._'()-]*$/u.test(name) && !name.includes("__");
  return plain && isSafeLinkTarget(`User:${name}`) ? wikiLink(`User:${name}`, name) : escapeText(name);
}

export function wikiLink(target: string, label: string): string {
  const text = escapeText(label) || escapeText(target);
  if (!isSafeLinkTarget(target)) return text;
  // An empty label would be the pipe trick, which pre-save transform expands.
  return `[[:${target}|${text}]]`;
}
