import { closeDb, db, dbConnection } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { hashToken, newToken } from "@/lib/invitations/tokens";
import {
  addToSupplyChain,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "@/tests/support/factories";

/**
 * Writes a database (DATABASE_URL, a fresh embedded folder) holding one invitation whose link has
 * expired, and prints its token. No page can make one: a link lasts at least until its cycle
 * closes, and a closed cycle takes no invitations. Run by tests/e2e/accessibility.spec.ts with
 * `npx tsx`, before a second server opens the folder.
 */
const DAY = 86_400_000;

async function main() {
  await deployMigrations(dbConnection());
  const client = db();
  const council = await createCommissioner(client, "Eastmoor District Council");
  const prime = await createPrime(client, "Ashgrove Employment Ltd");
  const partner = await createSubcontractor(client, { name: "Ashgrove Community Trust" });
  const contract = await createContract(client, {
    commissionerId: council.id,
    primes: [{ primeId: prime.id }],
    title: "Eastmoor Into Work",
  });
  await addToSupplyChain(client, { contractId: contract.id, primeId: prime.id, organisationId: partner.id });
  const sent = new Date(Date.now() - 30 * DAY);
  await createCycle(client, {
    contractId: contract.id,
    opensAt: new Date(sent.getTime() - DAY),
    closesAt: new Date(Date.now() - 2 * DAY),
  });
  const { token } = newToken();
  await client.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email: "lapsed@ashgrove.example",
      organisationId: partner.id,
      contractId: contract.id,
      primeId: prime.id,
      perspective: "SUBCONTRACTOR",
      invitedByOrgId: council.id,
      expiresAt: new Date(sent.getTime() + 14 * DAY),
      createdAt: sent,
    },
  });
  process.stdout.write(token);
}

main().finally(closeDb);
