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
