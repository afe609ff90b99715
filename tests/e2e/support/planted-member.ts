import { createAuth } from "@/lib/auth/auth";
import { closeDb, db } from "@/lib/db/client";
import { answersAt } from "@/tests/support/answers";
import {
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "@/tests/support/factories";

/**
 * Run with tsx on a spec's own database before its server starts (PGlite has one owner at a time):
 * a partner that has already rated its prime, and a person placed in that partner afterwards, the
 * way a membership could have been made before joining became the organisation's own decision.
 * Prints what the spec needs as JSON.
 *   npx tsx tests/e2e/support/planted-member.ts EMAIL PASSWORD
 */
async function main() {
  const [email, password] = process.argv.slice(2);
  if (!email || !password) throw new Error("Usage: planted-member.ts EMAIL PASSWORD");
  const client = db();
  try {
    const council = await createCommissioner(client, "Southmere District Council");
    const prime = await createPrime(client, "Granite Outcomes Ltd");
    const partner = await createSubcontractor(client, { name: "Willow Bank Community Hub" });
    const contract = await createContract(client, {
      commissionerId: council.id,
      primes: [{ primeId: prime.id }],
    });
    const now = Date.now();
    const cycle = await createCycle(client, {
      contractId: contract.id,
      opensAt: new Date(now - 7 * 86_400_000),
      closesAt: new Date(now + 60 * 86_400_000),
    });
    await addToSupplyChain(client, {
      contractId: contract.id,
      primeId: prime.id,
      organisationId: partner.id,
    });
    const rating = await createAssessment(client, {
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
      respondentOrgId: partner.id,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "worst"),
      evidence: { "pay.days.sub": "They paid us 94 days late, again." },
      submittedAt: new Date(now - 86_400_000),
    });
    const auth = createAuth(client, {
      baseURL: "http://localhost",
      secret: "x".repeat(32),
      sendResetPassword: async () => {},
    });
    const { user } = await auth.api.signUpEmail({ body: { name: "Pip Planted", email, password } });
    // Joined after the rating was started (and submitted).
    await client.membership.create({
      data: {
        userId: user.id,
        organisationId: partner.id,
        role: "ADMIN",
        createdAt: new Date(rating.createdAt.getTime() + 1000),
      },
    });
    console.info(JSON.stringify({ assessmentId: rating.id, prime: prime.name, partner: partner.name }));
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
