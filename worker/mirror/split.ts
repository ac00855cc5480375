/**
 * Splitting pages that would exceed the wiki's size limit (`$wgMaxArticleSize`, counted in
 * bytes of UTF-8) into numbered sub-pages. Greedy and in record order, so the same record and
 * the same limit always give the same parts.
 */
import { MirrorError } from "./errors.ts";

/** Bytes of `text` in UTF-8, without allocating an encoded copy. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Consecutive groups of items whose sizes (plus `separator` bytes between items) stay within
 * `budget`. An item larger than the budget on its own cannot be placed: `item_too_large`.
 */
export function chunkBySize<T>(items: readonly T[], size: (item: T) => number, budget: number, separator = 1): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (bytes > budget)
      throw new MirrorError(
        "item_too_large",
        `one entry needs ${bytes} bytes, more than the ${budget} a page may hold`,
      );
    const extra = current.length === 0 ? bytes : bytes + separator;
    if (used + extra > budget) {
      chunks.push(current);
      current = [item];
      used = bytes;
    } else {
      current.push(item);
      used += extra;
    }
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The title of part `n` (1-based) of a split page. */
export const partTitle = (title: string, n: number) => `${title}/${n}`;

/** Room kept free on every page, for what the wiki adds or counts differently. */
export const SIZE_MARGIN = 512;

/** Fails loudly when a rendered page would not fit: a bug, not something to send to the wiki. */
export function assertFits(title: string, text: string, limit: number): void {
  const bytes = byteLength(text);
  if (bytes > limit)
    throw new MirrorError("page_too_large", `${title} renders to ${bytes} bytes, over the wiki's limit of ${limit}`);
}
