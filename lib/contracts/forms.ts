import { z } from "zod";
import { date, optionalDate, optionalText, text } from "@/lib/forms/fields";
import { FRAMEWORK_VERSIONS, PERIOD_VERSION } from "@/lib/framework";
import { checkIdentifier, type OrganisationIdentifier } from "@/lib/organisations/identifiers";
import { CHAIN_STATUSES, REGISTERS, SERVICE_AREAS, SIZE_BANDS, VALUE_BANDS } from "./options";

export { CHAIN_STATUSES, REGISTERS, SIZE_BANDS, VALUE_BANDS };

export const contractSchema = z
  .object({
    title: text("the contract title", 200),
    reference: text("the contract reference", 60),
    valueBand: z.enum(VALUE_BANDS, { error: "Choose the contract's value" }),
    serviceArea: z.enum(
      SERVICE_AREAS.map((a) => a.value),
      { error: "Choose the kind of service the contract buys" },
    ),
    startDate: date("the start date"),
    endDate: optionalDate("the end date"),
    ocid: optionalText(120, "The OCDS identifier"),
    prime1: text("the prime contractor's name", 200),
    company1: optionalText(30, "The Companies House number"),
    lot1: optionalText(80, "The lot"),
    prime2: optionalText(200, "The second prime's name"),
    company2: optionalText(30, "The second prime's Companies House number"),
    lot2: optionalText(80, "The second lot"),
  })
  .refine((v) => !v.endDate || v.endDate > v.startDate, {
    path: ["endDate"],
    message: "The end date must be after the start date",
  })
  .superRefine((v, ctx) => {
    for (const [field, value] of [
      ["company1", v.company1],
      ["company2", v.company2],
    ] as const) {
      if (!value) continue;
      const checked = checkIdentifier("GB-COH", value);
      if (!checked.ok) ctx.addIssue({ code: "custom", path: [field], message: checked.message });
    }
    if (v.company2 && !v.prime2) {
      ctx.addIssue({
        code: "custom",
        path: ["prime2"],
        message: "Enter the second prime's name, or clear its number",
      });
    }
  })
  .transform(({ prime1, company1, lot1, prime2, company2, lot2, ...contract }) => {
    // A prime's Companies House number decides who it is before its name does (ADR 0012).
    const identifiers = (number: string | null | undefined): OrganisationIdentifier[] => {
      const checked = number ? checkIdentifier("GB-COH", number) : null;
      return checked?.ok ? [checked.identifier] : [];
    };
    const primes = [
      { name: prime1, lot: lot1, identifiers: identifiers(company1) },
      ...(prime2 ? [{ name: prime2, lot: lot2, identifiers: identifiers(company2) }] : []),
    ];
    return { ...contract, primes };
  });

export const CONTRACT_FIELDS = [
  "title",
  "reference",
  "valueBand",
  "serviceArea",
  "startDate",
  "endDate",
  "ocid",
  "prime1",
  "company1",
  "lot1",
  "prime2",
  "company2",
  "lot2",
];

const REGISTER_CODES = REGISTERS.map((r) => r.value) as [string, ...string[]];

export const partnerSchema = z
  .object({
    primeId: z.string().min(1, "Choose the prime").max(64),
    name: text("the partner's name", 200),
    sizeBand: z.enum(["MICRO", "SMALL", "MEDIUM", "LARGE"], { error: "Choose the partner's size" }),
    sector: z.enum(["VCSE", "SME"], { error: "Choose what kind of organisation the partner is" }),
    namedInBid: z
      .enum(["yes", "no"], { error: "Say whether the partner was named in the bid" })
      .transform((v) => v === "yes"),
    status: z.enum(["NAMED_IN_BID", "CONTRACTED", "DELIVERING", "EXITED"], {
      error: "Choose the partner's status",
    }),
    register: z.union([z.literal(""), z.literal("none"), z.enum(REGISTER_CODES)], {
      error: "Choose a register from the list",
    }),
    registeredNumber: optionalText(30, "The registered number"),
  })
  .superRefine((v, ctx) => {
    if (!v.registeredNumber) return;
    if (v.register === "" || v.register === "none") {
      ctx.addIssue({ code: "custom", path: ["register"], message: "Choose the register the number is from" });
      return;
    }
    const checked = checkIdentifier(v.register, v.registeredNumber);
    if (!checked.ok) ctx.addIssue({ code: "custom", path: ["registeredNumber"], message: checked.message });
  })
  .transform(({ register, registeredNumber, ...partner }) => {
    const checked = registeredNumber && register ? checkIdentifier(register, registeredNumber) : null;
    const identifiers: OrganisationIdentifier[] = checked?.ok ? [checked.identifier] : [];
    return { ...partner, identifiers };
  });
export const PARTNER_FIELDS = [
  "primeId",
  "name",
  "sizeBand",
  "sector",
  "namedInBid",
  "status",
  "register",
  "registeredNumber",
];

export const cycleSchema = z
  .object({
    cycleName: text("a name for the cycle, like 2026–27", 40),
    opensAt: date("the opening date"),
    closesAt: date("the closing date"),
    frameworkVersion: z.enum([PERIOD_VERSION, ...FRAMEWORK_VERSIONS.map((f) => f.version)], {
      error: "Choose the version of the questions the cycle uses",
    }),
  })
  .refine((v) => v.closesAt > v.opensAt, {
    path: ["closesAt"],
    message: "The closing date must be after the opening date",
  });
// Field names are unique across the contract page, whose forms share it (ids come from names).
export const CYCLE_FIELDS = ["cycleName", "opensAt", "closesAt", "frameworkVersion"];

export const memberUpdateSchema = z.object({
  supplyChainMemberId: z.string().min(1).max(64),
  status: z.enum(["NAMED_IN_BID", "CONTRACTED", "DELIVERING", "EXITED"]),
  canRate: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});
