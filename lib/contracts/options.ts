// The contract forms' choices, without zod, for their fields in the browser (see
// lib/framework/constants.ts).

/** Value bands, shared by the contract form, OCDS import and reports. */
export const VALUE_BANDS = [
  "Under £100k",
  "£100k–£1m",
  "£1m–£10m",
  "£10m–£50m",
  "£50m and over",
  "Not published",
] as const;

export const SIZE_BANDS = [
  { value: "MICRO", label: "Micro (under £100k a year)" },
  { value: "SMALL", label: "Small (£100k to £1m)" },
  { value: "MEDIUM", label: "Medium (£1m to £10m)" },
  { value: "LARGE", label: "Large (over £10m)" },
] as const;

export const CHAIN_STATUSES = [
  { value: "NAMED_IN_BID", label: "Named in the bid only" },
  { value: "CONTRACTED", label: "Contracted, not yet delivering" },
  { value: "DELIVERING", label: "Delivering" },
  { value: "EXITED", label: "Exited" },
] as const;

/** The registers a partner's number can come from, as the form offers them (lib/organisations). */
export const REGISTERS = [
  { value: "GB-CHC", label: "Charity Commission for England and Wales" },
  { value: "GB-SC", label: "Scottish Charity Regulator (OSCR)" },
  { value: "GB-NIC", label: "Charity Commission for Northern Ireland" },
  { value: "GB-COH", label: "Companies House" },
  { value: "GB-MPR", label: "Mutuals Public Register (co-operatives and community benefit societies)" },
] as const;

/**
 * The kind of public service a contract buys, for the commissioner's overview filter (issue 17).
 * Imported notices are placed by their CPV code (lib/contracts/service-areas.ts); a commissioner
 * chooses on the contract form.
 */
export const SERVICE_AREAS = [
  { value: "employment", label: "Employment and skills" },
  { value: "justice", label: "Justice and probation" },
  { value: "health", label: "Health and social care" },
  { value: "community", label: "Community and family support" },
  { value: "housing", label: "Housing and homelessness" },
  { value: "other", label: "Other public services" },
] as const;

export type ServiceArea = (typeof SERVICE_AREAS)[number]["value"];
