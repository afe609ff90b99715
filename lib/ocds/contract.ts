/**
 * One imported contract from the latest release of a contracting process: its buyer, suppliers,
 * value and dates, with a note for each value read in a way worth saying. Pure; never throws.
 */
import { serviceAreaOfCpv } from "@/lib/contracts/service-areas";
import { formatMoney } from "../format";
import { matchName } from "../organisations/names";
import type { Award, Contract, Lot, OrganisationReference, Party, Period, Release, Value } from "./schema";
import {
  type ImportedContract,
  type ImportedSupplier,
  NOT_PUBLISHED,
  SEVERAL_CURRENCIES,
  type SkipCode,
  type SkippedItem,
  type SupplierScale,
  valueBand,
} from "./types";

/** A release read from the file, with its place there. */
export interface ReadRelease {
  release: Release & { ocid: string };
  index: number;
  label: string;
  time: number;
}

// ---------------------------------------------------------------------------------------------
// One contract from one release

export type Built =
  | { contract: ImportedContract; notes: SkippedItem[] }
  | { skip: SkippedItem }
  | { error: string };

const AWARD_TAGS = new Set([
  "award",
  "awardupdate",
  "awardcancellation",
  "contract",
  "contractupdate",
  "contractamendment",
  "implementation",
  "implementationupdate",
  "contracttermination",
]);

/** Awards with these statuses never became contracts, so their suppliers are not primes. */
const INACTIVE_AWARD = new Set(["cancelled", "unsuccessful"]);
const lower = (value: string | undefined) => value?.toLowerCase() ?? "";

export function buildContract({ release, label }: ReadRelease): Built {
  const { ocid } = release;
  const releaseId = release.id ?? null;
  const notes: SkippedItem[] = [];
  const note = (code: SkipCode, item: string, reason: string) =>
    notes.push({ code, ocid, releaseId, item, reason });
  const skip = (code: SkipCode, reason: string): Built => ({
    skip: { code, ocid, releaseId, item: label, reason },
  });

  const tags = release.tag.map((tag) => tag.toLowerCase());
  if (release.awards.length === 0 && release.contracts.length === 0) {
    if (lower(release.tender?.status) === "cancelled" || tags.includes("tendercancellation")) {
      return skip("cancelled", "The procurement was cancelled before any contract was awarded.");
    }
    if (tags.some((tag) => AWARD_TAGS.has(tag))) {
      return skip(
        "no-award-details",
        "This release is tagged as an award or contract but holds no award or contract details.",
      );
    }
    const stage = tags.some((tag) => tag.startsWith("planning"))
      ? "planning notice"
      : tags.some((tag) => tag.startsWith("tender"))
        ? "tender notice"
        : "notice from before the award";
    return skip("no-award-yet", `This is a ${stage}, so no contract has been awarded yet.`);
  }

  // A record can repeat one award or contract (each release's copy): each id counts once.
  const awards = lastOfEachId(release.awards).filter((award) => !INACTIVE_AWARD.has(lower(award.status)));
  const contracts = lastOfEachId(release.contracts).filter(
    (contract) => lower(contract.status) !== "cancelled",
  );
  if (awards.length === 0 && contracts.length === 0) {
    return skip(
      "award-cancelled",
      "Every award in this release is cancelled or unsuccessful, so no contract was let.",
    );
  }
  for (const award of release.awards) {
    if (awards.includes(award)) continue;
    note(
      "award-inactive",
      award.id ? `Award "${award.id}"` : "An award",
      `This award is marked "${lower(award.status)}", so its suppliers were not imported.`,
    );
  }

  const parties = indexParties(release.parties);
  const reference = chooseReference(release, contracts);
  const title = chooseTitle(release);

  const buyer = resolveBuyer(release, parties);
  if (!buyer) {
    const named = title ? ` for "${title}"` : "";
    return {
      error:
        `${label}${named} (${ocid}) has an award but names no buyer, so Chainwise cannot tell which ` +
        "commissioner the contract belongs to. Nothing was imported. Check the file is complete, or download it again.",
    };
  }
  if (buyer.fromProcuringEntity) {
    note(
      "buyer-from-procuring-entity",
      `Buyer "${buyer.name}"`,
      "No buyer is named, so the procuring entity (the body that ran the procurement) is used as the buyer.",
    );
  }
  if (!title) {
    note(
      "title-missing",
      "Title",
      `No title is published, so the reference "${reference}" is used as the title. You can rename the contract.`,
    );
  }

  const suppliers = readSuppliers(awards, parties, note, release.tender?.lots ?? []);
  const value = readValue(release, awards, contracts, note);
  const { startDate, endDate } = readDates(release, awards, contracts, note);

  return {
    contract: {
      ocid,
      releaseId: release.id ?? ocid,
      releaseDate: instant(release.date),
      title: title ?? reference,
      reference,
      buyer: buyer.id ? { name: buyer.name, id: buyer.id } : { name: buyer.name },
      value: value.value,
      valueBand: value.band,
      serviceArea: serviceAreaOfCpv(cpvCodes(release)),
      startDate,
      endDate,
      suppliers,
    },
    notes,
  };
}

type Note = (code: SkipCode, item: string, reason: string) => void;

/** The tender's CPV codes, its main classification first, then its items'. */
function cpvCodes(release: Release): string[] {
  const tender = release.tender;
  const all = [
    tender?.classification,
    ...(tender?.items ?? []).flatMap((item) => [item.classification, ...item.additionalClassifications]),
  ];
  return all.flatMap((c) => (c?.id && c.scheme?.toUpperCase() === "CPV" ? [c.id] : []));
}

/** An OCDS date-time as an ISO 8601 instant in UTC, or null. */
function instant(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Each id's last entry, in the place of its first; entries with no id are all kept. */
function lastOfEachId<T extends { id?: string | undefined }>(items: T[]): T[] {
  const last = new Map<string, T>();
  for (const item of items) if (item.id) last.set(item.id, item);
  const placed = new Set<string>();
  return items.flatMap((item) => {
    if (!item.id) return [item];
    if (placed.has(item.id)) return [];
    placed.add(item.id);
    return [last.get(item.id) ?? item];
  });
}

function chooseTitle(release: Release): string | undefined {
  return (
    release.tender?.title ??
    release.contracts.find((contract) => contract.title)?.title ??
    release.awards.find((award) => award.title)?.title
  );
}

/**
 * tender.id is the buyer's or the service's reference (Contracts Finder: "tender_455868/1436274",
 * Find a Tender: the ocid). Contract ids are often just a position ("1"), so one is used only when
 * it is more than a short number; otherwise the ocid, which is always unique.
 */
function chooseReference(release: Release & { ocid: string }, contracts: Contract[]): string {
  const contractId = contracts.map((contract) => contract.id).find((id) => id && !/^\d{1,3}$/.test(id));
  return release.tender?.id ?? contractId ?? release.ocid;
}

// ---------------------------------------------------------------------------------------------
// Parties: buyer and suppliers

interface PartyIndex {
  byId: Map<string, Party>;
  byName: Map<string, Party>;
  all: Party[];
}

function indexParties(parties: Party[]): PartyIndex {
  const byId = new Map<string, Party>();
  const byName = new Map<string, Party>();
  for (const party of parties) {
    if (party.id && !byId.has(party.id)) byId.set(party.id, party);
    const name = party.name ?? party.identifier?.legalName;
    if (name && !byName.has(matchName(name))) byName.set(matchName(name), party);
  }
  return { byId, byName, all: parties };
}

const hasRole = (party: Party, role: string) =>
  party.roles.some((r) => r.toLowerCase() === role.toLowerCase());

/** The party a reference points to: by id, else (when the reference has no id) by name. */
function lookUp(reference: OrganisationReference, parties: PartyIndex): Party | undefined {
  if (reference.id) return parties.byId.get(reference.id);
  return reference.name ? parties.byName.get(matchName(reference.name)) : undefined;
}

function partyName(party: Party | undefined, reference?: OrganisationReference): string | undefined {
  return party?.name ?? reference?.name ?? party?.identifier?.legalName;
}

/**
 * The buyer: release.buyer (named there or in parties), else the party with role "buyer", else
 * tender.procuringEntity or the party with role "procuringEntity", noted as a fallback.
 */
function resolveBuyer(
  release: Release,
  parties: PartyIndex,
): { name: string; id?: string; fromProcuringEntity: boolean } | null {
  const fromReference = (reference: OrganisationReference | undefined) => {
    if (!reference) return null;
    const party = lookUp(reference, parties);
    const name = partyName(party, reference);
    return name ? { name, id: reference.id ?? party?.id } : null;
  };
  const fromRole = (role: string) => {
    const party = parties.all.find((candidate) => hasRole(candidate, role) && partyName(candidate));
    const name = partyName(party);
    return party && name ? { name, id: party.id } : null;
  };
  const buyer = fromReference(release.buyer) ?? fromRole("buyer");
  if (buyer) return { ...buyer, fromProcuringEntity: false };
  const entity = fromReference(release.tender?.procuringEntity) ?? fromRole("procuringEntity");
  return entity ? { ...entity, fromProcuringEntity: true } : null;
}

/**
 * Organisation scale, from the OCDS party scale extension (parties[].details.scale, codelist
 * micro / sme / small / medium / selfEmployed / large:
 * https://extensions.open-contracting.org/en/extensions/partyScale/master/). Contracts Finder
 * publishes "sme" or "large" there, e.g. `"details": { "scale": "sme", "vcse": false }` on each
 * supplier party; every size below large is an SME for Chainwise.
 */
export function readScale(value: unknown): SupplierScale | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toLowerCase();
  if (code === "large") return "large";
  return ["sme", "micro", "small", "medium", "selfemployed"].includes(code) ? "sme" : null;
}

/**
 * VCSE status, from parties[].details.vcse: a boolean in the Cabinet Office's UK OCDS extension
 * ("Whether an organization is a voluntary, community or social enterprise (VCSE)",
 * https://github.com/cabinetoffice/ocds_uk_extension, release-schema.json), used by Contracts
 * Finder and Find a Tender. Some exports quote it, so "true" / "false" are accepted too.
 */
export function readVcse(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const word = value.trim().toLowerCase();
  return word === "true" ? true : word === "false" ? false : null;
}

function formatIdentifier(identifier: Party["identifier"]): string | undefined {
  if (!identifier?.id) return undefined;
  return identifier.scheme ? `${identifier.scheme}-${identifier.id}` : identifier.id;
}

/**
 * Suppliers on the release's live awards, resolved against parties for name, scale and VCSE status.
 * If no award lists any, the parties with role "supplier" are used. Duplicates (same id, same
 * identifier, or the same name by `matchName` without a different identifier) are merged, the
 * first keeping its name.
 */
function readSuppliers(awards: Award[], parties: PartyIndex, note: Note, lots: Lot[]): ImportedSupplier[] {
  const lotTitle = (id: string) => lots.find((lot) => lot.id === id)?.title ?? `Lot ${id}`;
  let references: (OrganisationReference & { lots?: string[] })[] = awards.flatMap((award) =>
    award.suppliers.map((reference) => ({ ...reference, lots: award.relatedLots.map(lotTitle) })),
  );
  if (references.length === 0) {
    references = parties.all
      .filter((party) => hasRole(party, "supplier"))
      .map((party) => ({ id: party.id, name: partyName(party) }));
    if (references.length > 0) {
      note(
        "suppliers-from-parties",
        "Suppliers",
        'No award lists its suppliers, so the organisations with the role "supplier" are used.',
      );
    }
  }

  const suppliers: ImportedSupplier[] = [];
  const seen = new Map<string, ImportedSupplier>();
  for (const reference of references) {
    const party = lookUp(reference, parties);
    const name = partyName(party, reference);
    if (!name) {
      note(
        "supplier-no-name",
        reference.id ? `Supplier "${reference.id}"` : "A supplier",
        reference.id && !party
          ? `Listed on an award by id "${reference.id}" with no name, and no party in the file gives one, so it was skipped.`
          : "Listed on an award with no name, so it was skipped.",
      );
      continue;
    }
    if (reference.id && !party) {
      note(
        "party-missing",
        `Supplier "${name}"`,
        `Listed on an award by id "${reference.id}", but the file has no party with that id, so its size (SME or large) and VCSE status are unknown.`,
      );
    }

    const supplier: ImportedSupplier = {
      name,
      scale: readScale(party?.details?.scale),
      vcse: readVcse(party?.details?.vcse),
    };
    const id = reference.id ?? party?.id;
    if (id) supplier.id = id;
    if (reference.lots?.length) supplier.lots = reference.lots;
    const identifier = formatIdentifier(party?.identifier);
    if (identifier) supplier.identifier = identifier;

    const keys = [
      ...(id ? [`id:${id}`] : []),
      ...(identifier ? [`identifier:${identifier}`] : []),
      `name:${matchName(name)}`,
    ];
    // The same name with another number in the register is another firm, not a duplicate.
    const matchKey = keys.find((key) => {
      const other = seen.get(key);
      return (
        other &&
        !(key.startsWith("name:") && other.identifier && identifier && other.identifier !== identifier)
      );
    });
    const existing = matchKey ? seen.get(matchKey) : undefined;
    if (existing && matchKey) {
      existing.scale ??= supplier.scale;
      existing.vcse ??= supplier.vcse;
      if (!existing.id && supplier.id) existing.id = supplier.id;
      if (!existing.identifier && supplier.identifier) existing.identifier = supplier.identifier;
      const lots = [...new Set([...(existing.lots ?? []), ...(supplier.lots ?? [])])];
      if (lots.length > 0) existing.lots = lots;
      for (const key of keys) if (!seen.has(key)) seen.set(key, existing);
      const why = matchKey.startsWith("name:")
        ? `the same name as "${existing.name}"`
        : `the same ${matchKey.startsWith("id:") ? "id" : "identifier"} "${matchKey.slice(matchKey.indexOf(":") + 1)}"`;
      note(
        "supplier-duplicate",
        `Supplier "${name}"`,
        `Listed more than once (${why}), so the entries were merged into one supplier, "${existing.name}".`,
      );
      continue;
    }
    for (const key of keys) seen.set(key, supplier);
    suppliers.push(supplier);
  }

  if (suppliers.length === 0) {
    note(
      "no-suppliers",
      "Suppliers",
      "No named supplier is published, so the contract has no primes yet; add them by hand.",
    );
  }
  return suppliers;
}

// ---------------------------------------------------------------------------------------------
// Value

const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const describeMoney = formatMoney;

/**
 * The value: the total of the live contracts' values, else of the live awards' values, else the
 * tender's estimated value (noted). GBP is banded; other currencies are kept but not converted.
 */
function readValue(
  release: Release,
  awards: Award[],
  contracts: Contract[],
  note: Note,
): { value: { amount: number; currency: string } | null; band: string } {
  const sources: { name: string; values: Value[] }[] = [
    { name: "contracts", values: contracts.flatMap((contract) => (contract.value ? [contract.value] : [])) },
    { name: "awards", values: awards.flatMap((award) => (award.value ? [award.value] : [])) },
    { name: "tender", values: release.tender?.value ? [release.tender.value] : [] },
  ];

  for (const source of sources) {
    const usable: { amount: number; currency: string }[] = [];
    for (const value of source.values) {
      if (value.amount === undefined) continue;
      if (value.amount < 0) {
        note(
          "value-invalid",
          "Value",
          `A negative value (${money.format(value.amount)}) is published, so it was ignored.`,
        );
        continue;
      }
      const code = value.currency?.toUpperCase();
      if (code && /^[A-Z]{3}$/.test(code)) {
        usable.push({ amount: value.amount, currency: code });
      } else {
        note(
          "currency-missing",
          "Value",
          `A value of ${money.format(value.amount)} is published with no currency; it is taken to be in pounds (GBP), as on UK notices.`,
        );
        usable.push({ amount: value.amount, currency: "GBP" });
      }
    }
    const first = usable[0];
    if (!first) continue;

    if (usable.some((value) => value.currency !== first.currency)) {
      const listed = usable.map((value) => describeMoney(value.amount, value.currency)).join(", ");
      note(
        "value-mixed-currency",
        "Value",
        `The ${source.name} are valued in different currencies (${listed}), so no total or band is given.`,
      );
      return { value: null, band: SEVERAL_CURRENCIES };
    }
    const total = usable.reduce((sum, value) => sum + value.amount, 0);
    // A total no real contract could have (beyond what a number holds to the penny) is not a value.
    if (!Number.isFinite(total * 100)) {
      note(
        "value-invalid",
        "Value",
        `The ${source.name}' published value is too large to be real, so it was ignored.`,
      );
      return { value: null, band: NOT_PUBLISHED };
    }
    const amount = Math.round(total * 100) / 100;
    const value = { amount, currency: first.currency };
    if (source.name === "tender") {
      note(
        "value-from-tender",
        "Value",
        `No awarded or contract value is published, so the tender's estimated value (${describeMoney(amount, value.currency)}) is used.`,
      );
    } else if (usable.length > 1) {
      note("value-total", "Value", `The value is the total of ${usable.length} ${source.name}.`);
    }
    if (value.currency !== "GBP") {
      note(
        "value-not-gbp",
        "Value",
        `The value is published in ${value.currency} (${describeMoney(amount, value.currency)}). Only pounds are banded, so it is not converted.`,
      );
    }
    return { value, band: valueBand(value) };
  }
  return { value: null, band: NOT_PUBLISHED };
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * 'YYYY-MM-DD' from an OCDS date-time, taken as written: "2025-04-01T00:00:00+01:00" is 1 April,
 * the publisher's local date, where converting to UTC would give 31 March. Null if not a real date.
 */
export function isoDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? `${y}-${m}-${d}`
    : null;
}

/**
 * Start and end, each from the first of: the live contracts' periods, the live awards'
 * contractPeriod, the tender's contractPeriod. Across several contracts or awards, the earliest
 * start and the latest end.
 */
function readDates(
  release: Release,
  awards: Award[],
  contracts: Contract[],
  note: Note,
): { startDate: string | null; endDate: string | null } {
  const periods: Period[][] = [
    contracts.flatMap((contract) => (contract.period ? [contract.period] : [])),
    awards.flatMap((award) => (award.contractPeriod ? [award.contractPeriod] : [])),
    release.tender?.contractPeriod ? [release.tender.contractPeriod] : [],
  ];
  const pick = (field: "startDate" | "endDate", label: string): string | null => {
    for (const group of periods) {
      const dates: string[] = [];
      for (const period of group) {
        const raw = period[field];
        if (raw === undefined) continue;
        const date = isoDate(raw);
        if (date) dates.push(date);
        else note("date-invalid", label, `"${raw}" is not a date Chainwise can read, so it was ignored.`);
      }
      if (dates.length > 0) {
        dates.sort();
        return (field === "startDate" ? dates[0] : dates[dates.length - 1]) ?? null;
      }
    }
    return null;
  };
  const startDate = pick("startDate", "Start date");
  const endDate = pick("endDate", "End date");
  if (!startDate) {
    note(
      "date-missing",
      "Start date",
      "No contract start date is published; enter it before the contract is used.",
    );
  }
  if (startDate && endDate && endDate < startDate) {
    note(
      "dates-reversed",
      "End date",
      `The published end date (${endDate}) is before the start date (${startDate}).`,
    );
  }
  return { startDate, endDate };
}
