/**
 * Organisation identifiers in the org-id.guide form: a scheme code and the id the register gives
 * (`GB-COH-01234567` is Companies House company 01234567). Pure. What Chainwise matches
 * organisations on before their names (docs/decisions/0012-organisation-identities.md).
 */

export interface OrganisationIdentifier {
  /** The org-id.guide list code, such as "GB-COH". */
  readonly scheme: string;
  /** The id within the scheme, as the register writes it (upper case, no spaces). */
  readonly id: string;
}

interface Scheme {
  readonly name: string;
  /** What a valid id looks like once normalised. */
  readonly pattern: RegExp;
  /** How to write one, for the error message. */
  readonly example: string;
  /** Fixes a common way of writing an id to the register's own form. */
  readonly normalise?: (id: string) => string;
}

/** The schemes UK public-service supply chains meet, checked; any other is kept as given. */
export const KNOWN_SCHEMES: Readonly<Record<string, Scheme>> = {
  "GB-COH": {
    name: "Companies House",
    // Eight characters: digits, or a two-letter prefix (SC Scotland, NI, OC partnerships…) and six digits.
    pattern: /^(?:\d{8}|[A-Z]{2}\d{6})$/,
    example: "01234567 or SC123456",
    // Companies House numbers lose their leading zeros in spreadsheets: 1234567 is 01234567.
    normalise: (id) => (/^\d{1,7}$/.test(id) ? id.padStart(8, "0") : id),
  },
  "GB-CHC": {
    name: "Charity Commission for England and Wales",
    pattern: /^\d{6,7}$/,
    example: "1098765",
  },
  "GB-SC": {
    name: "Scottish Charity Regulator",
    pattern: /^SC\d{6}$/,
    example: "SC012345",
    normalise: (id) => (/^\d{6}$/.test(id) ? `SC${id}` : id),
  },
  "GB-NIC": {
    name: "Charity Commission for Northern Ireland",
    pattern: /^\d{6}$/,
    example: "100123",
    normalise: (id) => id.replace(/^NIC/, ""),
  },
  "GB-MPR": {
    name: "Mutuals Public Register",
    // Registered societies: digits, optionally ending in R (IP12345R in older filings).
    pattern: /^(?:IP)?\d{1,6}R?$/,
    example: "12345R",
  },
};

const SCHEME_CODE = /^[A-Z]{2}-[A-Z0-9]{2,}$/;

export type IdentifierResult =
  | { readonly ok: true; readonly identifier: OrganisationIdentifier }
  | { readonly ok: false; readonly message: string };

/**
 * Checks and normalises an id given for a scheme. Known schemes are checked against their
 * register's format; other well-formed scheme codes are kept as given (upper-cased, spaces removed).
 */
export function checkIdentifier(scheme: string, id: string): IdentifierResult {
  const code = scheme.trim().toUpperCase();
  const raw = id.replace(/\s+/g, "").toUpperCase();
  if (!SCHEME_CODE.test(code)) {
    return { ok: false, message: `"${scheme}" is not a scheme code such as GB-COH or GB-CHC.` };
  }
  if (raw === "") return { ok: false, message: "Enter the number the register gives." };
  const known = KNOWN_SCHEMES[code];
  if (!known) {
    return /^[A-Z0-9./-]{1,64}$/.test(raw)
      ? { ok: true, identifier: { scheme: code, id: raw } }
      : { ok: false, message: `"${id}" has characters an identifier does not use.` };
  }
  const normalised = known.normalise ? known.normalise(raw) : raw;
  if (!known.pattern.test(normalised)) {
    return {
      ok: false,
      message: `"${id}" is not a ${known.name} number: it looks like ${known.example}.`,
    };
  }
  return { ok: true, identifier: { scheme: code, id: normalised } };
}

/**
 * Reads an identifier written as one string, "GB-COH-01234567", as OCDS party ids and
 * identifiers are. Null when it names no scheme or its id does not fit the scheme.
 */
export function parseIdentifier(text: string): OrganisationIdentifier | null {
  const match = /^([A-Za-z]{2}-[A-Za-z0-9]{2,}?)-(.+)$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  // "GB-COH-123" splits at the first dash after the scheme; a scheme code has no digits-only part.
  const known = Object.keys(KNOWN_SCHEMES).find((code) => text.trim().toUpperCase().startsWith(`${code}-`));
  const [scheme, id] = known ? [known, text.trim().slice(known.length + 1)] : [match[1], match[2]];
  const result = checkIdentifier(scheme, id);
  return result.ok ? result.identifier : null;
}

export function formatIdentifier({ scheme, id }: OrganisationIdentifier): string {
  return `${scheme}-${id}`;
}

export function schemeName(scheme: string): string {
  return KNOWN_SCHEMES[scheme]?.name ?? scheme;
}
