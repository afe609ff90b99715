import fc from "fast-check";
import type { FieldValue } from "./forms";

/**
 * Bad input for the fuzz spec: wrong types, huge and odd Unicode strings, numbers out of range,
 * missing and repeated fields, files where text belongs. Bounded so a run stays quick.
 */

/** How many cases each form gets; FUZZ_RUNS raises it for a longer hunt. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** A fixed seed unless FUZZ_SEED is set, so a failure can be replayed exactly. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const ODD = [
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "\u202Eevil\u202C",
  "\uFEFFzero width\u200B",
  "\uD800",
  "💩".repeat(40),
  "Z\u0338\u0322\u031Ba\u0337l\u0334g\u0336o\u0338",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"; DROP TABLE "Assessment"; --',
  "%00",
  "../../../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal injection probe, not a template
  "${jndi:ldap://x}",
  "{{7*7}}",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "-1",
  "0x1F",
  "9".repeat(400),
  "١٢٣",
  "１２",
  "12,5",
  "1,000,000,000,000",
  "null",
  "undefined",
  "[object Object]",
  "true",
  "{}",
  "[]",
  '{"__proto__":{"admin":true}}',
  "\r\n\r\n",
  "\t",
  "2026-02-30",
  "9999-99-99",
  "0000-00-00",
  "2026-13-01",
  "a@b",
  "@example.org",
  "name@example.org\u0000",
  "dont_know",
  "not_applicable",
  "continue",
  "save",
];

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD), weight: 5 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 300 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  { arbitrary: fc.bigInt().map(String), weight: 1 },
  // Huge, but well inside the body limit.
  { arbitrary: fc.nat({ max: 200_000 }).map((n) => "x".repeat(n + 5_000)), weight: 1 },
  { arbitrary: fc.nat({ max: 2_000 }).map((n) => "é\u0301💩".repeat(n + 100)), weight: 1 },
);

const oddFile: fc.Arbitrary<FieldValue> = fc.record({
  name: fc.oneof(fc.constantFrom("a.json", "", "../../x", "x".repeat(300)), fc.string({ maxLength: 40 })),
  mimeType: fc.constantFrom("application/json", "text/plain", "application/octet-stream", "image/png"),
  buffer: fc
    .oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
      fc.constantFrom(
        new TextEncoder().encode('{"releases":[{"ocid":1}]}'),
        new TextEncoder().encode('{"version":"1.1","releases":"nope"}'),
        new TextEncoder().encode("[".repeat(5_000)),
      ),
    )
    .map((bytes) => Buffer.from(bytes)),
});

/** What one field gets: missing, one odd value, several values, or a file. */
export const oddValues: fc.Arbitrary<FieldValue[]> = fc.oneof(
  { arbitrary: fc.constant<FieldValue[]>([]), weight: 2 },
  { arbitrary: oddString.map((v) => [v]), weight: 6 },
  { arbitrary: fc.array(oddString, { minLength: 2, maxLength: 4 }), weight: 1 },
  { arbitrary: oddFile.map((f) => [f]), weight: 1 },
);

/** A field's real options, mixed with odd values. */
export const choiceValues = (options: readonly string[]): fc.Arbitrary<FieldValue[]> =>
  options.length === 0
    ? oddValues
    : fc.oneof(
        { arbitrary: fc.constantFrom(...options).map((v) => [v]), weight: 3 },
        { arbitrary: fc.subarray([...options], { minLength: Math.min(2, options.length) }), weight: 1 },
        { arbitrary: oddValues, weight: 2 },
      );

/** Fields nobody asked for. */
export const extraFields: fc.Arbitrary<[string, FieldValue][]> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "__proto__",
        "constructor",
        "$ACTION_ID_x",
        "role",
        "organisationId",
        "userId",
        "status",
      ),
      fc.string({ minLength: 1, maxLength: 30 }),
    ),
    oddString.map((v): FieldValue => v),
  ),
  { maxLength: 3 },
);

/** Hidden fields: usually as the page wrote them, sometimes tampered with or dropped. */
export function hiddenFields(hidden: [string, string][]): fc.Arbitrary<[string, string][]> {
  if (hidden.length === 0) return fc.constant([]);
  return fc.oneof(
    { arbitrary: fc.constant(hidden), weight: 6 },
    {
      arbitrary: fc
        .tuple(fc.nat({ max: hidden.length - 1 }), fc.option(oddString, { nil: undefined }))
        .map(([index, value]) =>
          hidden.flatMap(([name, original], i): [string, string][] =>
            i !== index ? [[name, original]] : value === undefined ? [] : [[name, value]],
          ),
        ),
      weight: 3,
    },
  );
}
