import type { ImportedContract } from "@/lib/ocds/parse";

/**
 * An OCDS release package, as a publisher would write it, holding the given contracts (one award
 * release each) and, first, a tender notice for each id in `tenders`, which the parser skips. For
 * tests and the import benchmark, which upload files as a commissioner would.
 */
export function releasePackage(
  contracts: readonly ImportedContract[],
  tenders: readonly string[] = [],
): Buffer {
  const releases = [
    ...tenders.map((id) => ({
      ocid: `ocds-tender-${id}`,
      id,
      date: "2026-01-01T00:00:00Z",
      tag: ["tender"],
    })),
    ...contracts.map(awardRelease),
  ];
  return Buffer.from(
    JSON.stringify({ uri: "https://example.org/package", version: "1.1", releases }),
    "utf8",
  );
}

/** The same releases as JSON Lines: one release a line, a blank line and a tender among them. */
export function releaseLines(contracts: readonly ImportedContract[]): Buffer {
  const tender = {
    ocid: "ocds-tender-lines",
    id: "tender-lines",
    date: "2026-01-01T00:00:00Z",
    tag: ["tender"],
  };
  const lines = [JSON.stringify(tender), "", ...contracts.map((c) => JSON.stringify(awardRelease(c)))];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

function awardRelease(contract: ImportedContract) {
  const buyer = { ...(contract.buyer.id ? { id: contract.buyer.id } : {}), name: contract.buyer.name };
  const suppliers = contract.suppliers.map((supplier, i) => ({
    id: supplier.id ?? `${contract.ocid}-supplier-${i}`,
    name: supplier.name,
    roles: ["supplier"],
    ...(supplier.identifier ? { identifier: splitIdentifier(supplier.identifier) } : {}),
    details: { scale: supplier.scale ?? undefined, vcse: supplier.vcse ?? undefined },
  }));
  return {
    ocid: contract.ocid,
    id: contract.releaseId,
    date: contract.releaseDate ?? undefined,
    tag: ["award"],
    buyer,
    parties: [{ ...buyer, roles: ["buyer"] }, ...suppliers],
    tender: { id: contract.reference, title: contract.title },
    awards: [
      {
        id: `${contract.ocid}-award`,
        status: "active",
        suppliers: suppliers.map(({ id, name }) => ({ id, name })),
        ...(contract.value ? { value: contract.value } : {}),
        contractPeriod: {
          startDate: contract.startDate ?? undefined,
          endDate: contract.endDate ?? undefined,
        },
      },
    ],
  };
}

/** "GB-COH-01234567" as OCDS writes it: scheme "GB-COH", id "01234567". */
function splitIdentifier(identifier: string) {
  const [country, register, ...id] = identifier.split("-");
  return { scheme: `${country}-${register}`, id: id.join("-") };
}

/**
 * A release package as a large framework publishes it: `suppliers` suppliers over award releases
 * of `perContract` suppliers each, every supplier a party with the address, contact point and
 * identifiers real notices carry, so the file is about 2.5 KB a supplier (20,000 ≈ 50 MB). Names
 * and identifiers carry `run`, so each run's suppliers are new organisations (the slowest case:
 * every one created) and its contracts new contracts.
 */
export function largePackage({
  buyer,
  suppliers,
  perContract = 25,
  run,
}: {
  buyer: string;
  suppliers: number;
  perContract?: number;
  run: string;
}): Buffer {
  const parts: string[] = [];
  const contracts = Math.ceil(suppliers / perContract);
  for (let c = 0; c < contracts; c++) {
    const ocid = `ocds-bench-${run}-${c}`;
    const parties = [{ id: "buyer", name: buyer, roles: ["buyer"] }];
    const first = c * perContract;
    for (let s = first; s < Math.min(first + perContract, suppliers); s++) parties.push(party(run, s));
    const release = {
      ocid,
      id: `${ocid}-award`,
      date: "2026-03-01T09:00:00Z",
      tag: ["award"],
      buyer: { id: "buyer", name: buyer },
      parties,
      tender: { id: `BENCH-${run}-${c}`, title: `Benchmark framework lot ${c + 1}` },
      awards: [
        {
          id: `${ocid}-award-1`,
          status: "active",
          suppliers: parties.slice(1).map(({ id, name }) => ({ id, name })),
          value: { amount: 250_000 + c, currency: "GBP" },
          contractPeriod: { startDate: "2026-04-01", endDate: "2029-03-31" },
        },
      ],
    };
    parts.push(JSON.stringify(release));
  }
  return Buffer.from(
    `{"uri":"https://bench.invalid/package","version":"1.1","releases":[${parts.join(",")}]}`,
  );
}

function party(run: string, n: number) {
  const number = String(10_000_000 + n).slice(-8);
  const name = `Bench ${run} Supplier ${n} Ltd`;
  return {
    id: `GB-COH-B${run.slice(-3)}${number}`.slice(0, 20),
    name,
    roles: ["supplier"],
    identifier: { scheme: "GB-COH", id: `B${run.slice(-3)}${number}`.slice(0, 12), legalName: name },
    address: {
      streetAddress: `${n} Benchmark Street, Unit ${n % 97}`,
      locality: "Northmoor",
      region: "North West",
      postalCode: `NM${n % 90} ${n % 9}AB`,
      countryName: "United Kingdom",
    },
    contactPoint: {
      name: `Contracts team ${n}`,
      email: `contracts${n}@supplier.invalid`,
      telephone: "01234 567890",
      url: `https://supplier${n}.invalid`,
    },
    details: {
      scale: n % 3 === 0 ? "large" : "sme",
      vcse: n % 5 === 0,
      // Publishers' free text (a framework's lot description, repeated per supplier): most of a
      // real party's size.
      description: `Provider of employment support and related services on lot ${n % 7}. `.repeat(29),
    },
  };
}
