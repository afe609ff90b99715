import { pathToFileURL } from "node:url";
import { closeDb, db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  addToSupplyChain,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "@/tests/support/factories";
import * as demo from "./demo-data";

/** True when the database holds no organisations yet, so demo data may be written. */
export async function isEmpty(client: PrismaClient): Promise<boolean> {
  return (await client.organisation.count()) === 0;
}

/** Writes the demo world. Deterministic: the same rows, in the same order, every time. */
export async function seedDemo(client: PrismaClient) {
  const council = await createCommissioner(client, demo.commissioner);
  const primeIds = new Map<string, string>();
  for (const [key, name] of Object.entries(demo.primes))
    primeIds.set(key, (await createPrime(client, name)).id);
  const partnerIds = new Map<string, string>();
  for (const partner of demo.partners) {
    const created = await createSubcontractor(client, { name: partner.name, sizeBand: partner.sizeBand });
    partnerIds.set(partner.key, created.id);
  }
  const id = (map: Map<string, string>, key: string) => {
    const found = map.get(key);
    if (!found) throw new Error(`demo data names "${key}", which it does not define`);
    return found;
  };

  for (const spec of demo.contracts) {
    const contract = await createContract(client, {
      commissionerId: council.id,
      title: spec.title,
      reference: spec.reference,
      valueBand: spec.valueBand,
      startDate: new Date(spec.startDate),
      endDate: new Date(spec.endDate),
      primes: spec.lots.map((lot) => ({ primeId: id(primeIds, lot.prime), lot: lot.lot })),
    });
    for (const lot of spec.lots) {
      for (const entry of lot.chain) {
        await addToSupplyChain(client, {
          contractId: contract.id,
          primeId: id(primeIds, lot.prime),
          organisationId: id(partnerIds, entry.partner),
          status: entry.status,
          namedInBid: entry.namedInBid,
        });
      }
    }
    for (const cycle of demo.cycles) {
      await createCycle(client, {
        contractId: contract.id,
        name: cycle.name,
        opensAt: new Date(cycle.opensAt),
        closesAt: new Date(cycle.closesAt),
      });
    }
  }
}

async function main() {
  const client = db();
  try {
    if (!(await isEmpty(client))) {
      console.info(
        "The database already has data: demo data not written. Use npm run db:reset to start again.",
      );
      return;
    }
    await seedDemo(client);
    console.info("Demo data written.");
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
