/**
 * The form of an organisation's name that two ways of writing the same name share: what
 * Chainwise compares names on when no identifier settles it. Pure.
 */

/** Words that say what kind of body it is, not which: "Ltd", "Limited", "plc", "CIC"… */

// Not "UK" or "& Co": "Serco UK" and "Serco" can be different companies.
const LEGAL_FORMS = new Set(["ltd", "limited", "plc", "llp", "lp", "cic", "cio", "inc", "incorporated"]);

/**
 * Lower case, accents and punctuation gone, "&" as "and", legal forms and a leading "the"
 * dropped, and "trading as" in any spelling (T/A, TA, t/as) read as one word. "Mullen Property
 * Services Ltd" and "MULLEN PROPERTY SERVICES" match; "A&E Elkins T/A" and "A and E Elkins TA" match.
 * Never empty for a name with a letter or digit in it: a name that is only a legal form keeps it.
 */
export function matchName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bt\s*\/\s*as?\b|\btrading\s+as\b/g, " ta ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const kept = words.filter((word, i) => !LEGAL_FORMS.has(word) && !(i === 0 && word === "the"));
  return (kept.length > 0 ? kept : words).join(" ");
}
