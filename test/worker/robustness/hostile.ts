/**
 * Generators of hostile input for the endpoint fuzz: strings with control
 * characters and lone surrogates, extreme numbers, deep nesting, prototype
 * pollution keys, broken JSON and URL encodings, wrong content types.
 */
import fc from "fast-check";

/** Any UTF-16 string: control characters, lone surrogates, astral planes. */
export const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e",
    "\ud800",
    "\udfff",
    "💥".repeat(10),
    "<script>",
    "' OR 1=1 --",
    "{{x}}",
    "|}",
    "a".repeat(3000),
  ),
);

const extremeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e-320,
  2 ** 31,
  -(2 ** 63),
);

const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null}'),
  { toString: "x", valueOf: 1, hasOwnProperty: "no" },
);

const nested = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: unknown = "deep";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

/** A hostile JSON value to put where a valid one was. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  anyString,
  extremeNumber,
  pollution,
  nested,
  fc.constantFrom(null, true, [], {}, [[[[]]]], Array(200).fill(1)),
);

/** A valid body, broken in one place: a field replaced, dropped or added, or the whole body swapped. */
export function mutate(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant("x");
  return fc.oneof(
    fc.constant(valid),
    fc.tuple(key, hostileValue).map(([k, v]) => ({ ...valid, [k]: v })),
    key.map((k) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k))),
    fc
      .tuple(fc.constantFrom("__proto__", "constructor", "prototype", "extra", "id", "version"), hostileValue)
      .map(([k, v]) => {
        const copy: Record<string, unknown> = { ...valid };
        Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    hostileValue,
  );
}

/** A request body as text: JSON of a value, or text that is not quite JSON. */
export function bodyText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v) ?? "null") },
    {
      weight: 1,
      arbitrary: fc.tuple(value, fc.nat()).map(([v, n]) => {
        const t = JSON.stringify(v) ?? "{}";
        return t.slice(0, n % Math.max(t.length, 1));
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        "",
        "{",
        "}",
        "[1,]",
        "{'a': 1}",
        "NaN",
        "nul",
        "\ufeff{}",
        '{"a":1}{"b":2}',
        '{"a":"\\ud800"}',
        "1e999",
        '"' + "x".repeat(70 * 1024) + '"',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30000 }).map((n) => "[".repeat(n) + "]".repeat(n)) },
    { weight: 1, arbitrary: anyString },
  );
}

export const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
  "",
  undefined,
);

/** Header values a browser would send (printable ASCII; workerd warns on others) that a server might not expect. */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom(
    '"1"',
    'W/"1"',
    '"99999999999999999999999"',
    "*",
    '"-1"',
    "Bearer",
    "Bearer ",
    "Bearer a.b.c",
    "Basic Zm9vOmJhcg==",
  ),
);

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD first). */
export function encodeAll(s: string): string {
  return [...new TextEncoder().encode(s)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
}

/** A path segment: encoded random text, or raw escapes that are not valid UTF-8 or not escapes at all. */
export const pathSegment = fc.oneof(
  anyString.filter((s) => s.length > 0).map(encodeAll),
  fc.constantFrom(
    "%ff",
    "%c0%af",
    "%",
    "%zz",
    "%00",
    "..",
    "%2e%2e",
    "%2f",
    "__proto__",
    "constructor",
    "9".repeat(400),
    "-1",
    "0",
    "1e309",
    "0x10",
    "NaN",
    " ",
    "a".repeat(200),
  ),
);

/** A query string: known and unknown keys with hostile values, or raw broken encodings. */
export function queryString(known: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...known, "__proto__", "constructor", "x[]", "limit[0]"), anyString);
  const pair = fc
    .tuple(key, fc.oneof(anyString, fc.constantFrom("1e309", "-1", "0", "99999999999999999999", "", "true", "null")))
    .map(([k, v]) => `${encodeAll(k)}=${encodeAll(v)}`);
  return fc.oneof(
    fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.join("&")),
    fc.constantFrom(
      "q=%ff",
      "q=%",
      "limit=%zz",
      "after=1e999",
      "cursor=%00",
      "a&&&=&=",
      "q=a&q=b&q=c",
      "status=open,,,closed",
    ),
  );
}
