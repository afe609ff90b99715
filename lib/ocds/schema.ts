/**
 * Lenient zod schemas for the parts of an OCDS 1.1 release that Chainwise reads.
 *
 * Publishers vary, so every field is optional and a field of the wrong type is read as absent
 * rather than failing the release: a supplier whose `details.scale` is a number still has a name.
 * Only the fields used by `parseOcds` are declared; everything else is dropped unread.
 *
 * References: OCDS 1.1 release schema (https://standard.open-contracting.org/1.1/en/schema/reference/),
 * the party scale extension (`parties[].details.scale`) and the Cabinet Office UK extension
 * (`parties[].details.vcse`), both used by Contracts Finder and Find a Tender.
 */
import { z } from "zod";

/** Control characters other than whitespace: invisible in names, and PostgreSQL cannot store NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Trims and collapses runs of whitespace, so " Acme\n Ltd " and "Acme Ltd" read the same, and drops
 * control characters.
 */
export function tidy(value: string): string {
  return value.replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** A non-empty string, tidied; anything else (absent, null, a number, an object) reads as absent. */
const text = z
  .string()
  .transform((value) => tidy(value) || undefined)
  .optional()
  .catch(undefined);

/** OCDS 1.1 allows ids to be strings or integers; both are kept as strings. */
const id = z
  .union([z.string(), z.number()])
  .transform((value) =>
    typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : tidy(value),
  )
  .transform((value) => value || undefined)
  .optional()
  .catch(undefined);

/**
 * An amount as a finite number; numeric strings ("125000.00", and "93,007.00" with thousands
 * separators) are accepted, as some exports quote them.
 */
const amount = z
  .union([z.number(), z.string().regex(/^\s*-?(?:\d+|\d{1,3}(?:,\d{3})+)(\.\d+)?\s*$/)])
  .transform((value) => Number(typeof value === "string" ? value.replace(/,/g, "") : value))
  .refine((value) => Number.isFinite(value))
  .optional()
  .catch(undefined);

/** A raw value kept as is, for fields interpreted later (scale, vcse) so the reading rule sits in one place. */
const raw = z.unknown().optional();

/** A list whose items that fail their schema are dropped, and which reads as empty if it is not a list. */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item.nullable().catch(null))
    .catch([])
    .optional()
    .transform((items) => (items ?? []).filter((entry): entry is NonNullable<typeof entry> => entry != null));
}

/** An object, or absent if the value is not an object (arrays, strings and null included). */
function object<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).optional().catch(undefined);
}

export const valueSchema = object({ amount, currency: text });
export const periodSchema = object({ startDate: text, endDate: text });
export const organisationReferenceSchema = z.object({ id, name: text });

export const partySchema = z.object({
  id,
  name: text,
  roles: list(z.string()),
  identifier: object({ scheme: text, id, legalName: text }),
  details: object({ scale: raw, vcse: raw }),
});

export const awardSchema = z.object({
  id,
  title: text,
  status: text,
  value: valueSchema,
  /** The lots the award is for (the lots extension): ids of `tender.lots`. */
  relatedLots: list(id.unwrap().unwrap()),
  suppliers: list(organisationReferenceSchema),
  contractPeriod: periodSchema,
});

export const contractSchema = z.object({
  id,
  awardID: id,
  title: text,
  status: text,
  value: valueSchema,
  period: periodSchema,
});

export const lotSchema = z.object({ id, title: text });
export const classificationSchema = object({ scheme: text, id });
export const itemSchema = z.object({
  classification: classificationSchema,
  additionalClassifications: list(z.object({ scheme: text, id })),
});

export const tenderSchema = object({
  id,
  title: text,
  lots: list(lotSchema),
  /** What is bought: CPV codes place the contract in a service area (lib/contracts/service-areas.ts). */
  classification: classificationSchema,
  items: list(itemSchema),
  status: text,
  value: valueSchema,
  contractPeriod: periodSchema,
  procuringEntity: organisationReferenceSchema.optional().catch(undefined),
});

export const releaseSchema = z.object({
  ocid: text,
  id,
  date: text,
  tag: list(z.string()),
  buyer: organisationReferenceSchema.optional().catch(undefined),
  parties: list(partySchema),
  tender: tenderSchema,
  awards: list(awardSchema),
  contracts: list(contractSchema),
});

export type Release = z.infer<typeof releaseSchema>;
export type Party = z.infer<typeof partySchema>;
export type Award = z.infer<typeof awardSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type OrganisationReference = z.infer<typeof organisationReferenceSchema>;
export type Lot = z.infer<typeof lotSchema>;
export type Value = NonNullable<z.infer<typeof valueSchema>>;
export type Period = NonNullable<z.infer<typeof periodSchema>>;
