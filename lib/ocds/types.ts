/**
 * What reading an OCDS file gives: the contracts to import, and what was skipped or noted, each
 * with its reason. Shared by the reader (parse.ts) and the rules for one release (contract.ts).
 */

import type { ServiceArea } from "@/lib/contracts/options";

export interface OcdsParseOptions {
  /** Largest file accepted, in bytes of UTF-8. Default 50 MB (lib/ocds/limits.ts). */
  maxBytes?: number;
}

export type SupplierScale = "sme" | "large";

export interface ImportedSupplier {
  name: string;
  /** The OCDS party id, e.g. "GB-COH-01234567". */
  id?: string;
  /** From parties[].details.scale: micro, small, medium and sme all read as "sme". */
  scale: SupplierScale | null;
  /** From parties[].details.vcse: voluntary, community or social enterprise. */
  vcse: boolean | null;
  /** The party's registered identifier as scheme-id, e.g. "GB-CHC-1098765" for a charity. */
  identifier?: string;
  /** The lots it was awarded, by title ("Lot 2" when the lot has none), in the order published. */
  lots?: string[];
}

export interface ImportedContract {
  ocid: string;
  /** The id of the release read (the latest for this ocid). */
  releaseId: string;
  /** Its date in UTC (ISO 8601), or null when none or not a date: later releases update earlier imports. */
  releaseDate: string | null;
  title: string;
  /** tender.id, else a contract id that is more than a position number, else the ocid. */
  reference: string;
  buyer: { name: string; id?: string };
  value: { amount: number; currency: string } | null;
  /** See VALUE_BANDS; "Not published" when there is no value, "Not in pounds (EUR)" when not GBP. */
  valueBand: string;
  /** From the tender's CPV codes; null when it has none. */
  serviceArea?: ServiceArea | null;
  /** 'YYYY-MM-DD' as published (the publisher's local date), or null. */
  startDate: string | null;
  endDate: string | null;
  suppliers: ImportedSupplier[];
}

/** Why something was left out, or a note about how a value was read. */
export type SkipCode =
  // Releases
  | "not-a-release"
  | "missing-ocid"
  | "no-compiled-release"
  | "older-release"
  | "no-award-yet"
  | "no-award-details"
  | "cancelled"
  | "award-cancelled"
  // Awards and suppliers
  | "award-inactive"
  | "supplier-no-name"
  | "supplier-duplicate"
  | "party-missing"
  | "suppliers-from-parties"
  | "no-suppliers"
  // Buyer, title, value and dates
  | "buyer-from-procuring-entity"
  | "title-missing"
  | "value-from-tender"
  | "value-total"
  | "value-not-gbp"
  | "value-mixed-currency"
  | "value-invalid"
  | "currency-missing"
  | "date-missing"
  | "date-invalid"
  | "dates-reversed";

export interface SkippedItem {
  code: SkipCode;
  /** The contracting process concerned, when known. */
  ocid: string | null;
  releaseId: string | null;
  /** What was skipped or noted, e.g. 'Release "abc-1"' or 'Supplier "Acme Ltd"'. */
  item: string;
  /** A plain-English sentence saying why. */
  reason: string;
}

export type OcdsParseResult =
  | { ok: false; error: string }
  | { ok: true; contracts: ImportedContract[]; skipped: SkippedItem[] };

/** Value bands for pounds; each includes its lower bound: £100,000 exactly is "£100k–£1m". */
export const VALUE_BANDS: readonly { label: string; from: number }[] = [
  { label: "£50m and over", from: 50_000_000 },
  { label: "£10m–£50m", from: 10_000_000 },
  { label: "£1m–£10m", from: 1_000_000 },
  { label: "£100k–£1m", from: 100_000 },
  { label: "Under £100k", from: 0 },
];
export const NOT_PUBLISHED = "Not published";
export const SEVERAL_CURRENCIES = "Several currencies";

/** The band for a value: pounds are banded; other currencies say so rather than guess a rate. */
export function valueBand(value: { amount: number; currency: string } | null): string {
  if (!value || !Number.isFinite(value.amount) || value.amount < 0) return NOT_PUBLISHED;
  if (value.currency !== "GBP") return `Not in pounds (${value.currency})`;
  return VALUE_BANDS.find((band) => value.amount >= band.from)?.label ?? NOT_PUBLISHED;
}
