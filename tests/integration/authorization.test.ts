import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { framework, principleQuestions } from "@/lib/framework";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { savePrinciple, startCorrection, startOrResume, submit } from "@/lib/services/assessments";
import { addPartner, createContract, openCycle, updatePartner } from "@/lib/services/contract-admin";
import { createInvitation } from "@/lib/services/invitations";
import { decideLikelyMatch } from "@/lib/services/likely-matches";
import { importContracts } from "@/lib/services/ocds-import";
import { addActionItem, saveReplies, setActionStatus } from "@/lib/services/replies-and-plans";
import { answersAt } from "@/tests/support/answers";
import { actorFor, createCommissioner, createPrime, createSubcontractor } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The authorization matrix for mutations: every service a server action calls, tried by every kind
 * of organisation. Those not allowed are refused (forbidden, or not found so nothing's existence is
 * revealed) and the database is exactly as it was. The pages and API routes are tried the same way
 * in tests/e2e/authorization.spec.ts.
 */

const NOW = new Date("2026-11-22T12:00:00Z");
type Role = "commissioner" | "other commissioner" | "prime" | "other prime" | "partner" | "unrelated partner";
const ROLES: Role[] = [
  "commissioner",
  "other commissioner",
  "prime",
  "other prime",
  "partner",
  "unrelated partner",
];

describe.each(testDatabaseKinds())("who may change what, on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** Every table a mutation could touch, counted, so a refusal can be shown to change nothing. */
  const snapshot = async () => {
    const c = database.client;
    return Promise.all([
      c.contract.count(),
      c.contractPrime.count(),
      c.supplyChainMember.findMany({ orderBy: { id: "asc" } }),
      c.cycle.count(),
      c.assessment.findMany({ orderBy: { id: "asc" } }),
      c.answer.count(),
      c.invitation.count(),
      c.principleReply.count(),
      c.actionPlanItem.findMany({ orderBy: { id: "asc" } }),
      c.apiToken.findMany({ orderBy: { id: "asc" } }),
      c.organisation.count(),
      c.likelyMatch.findMany({ orderBy: { id: "asc" } }),
    ]);
  };

  /**
   * A world of its own for each test, so no test depends on what another changed: a contract with
   * two primes, a partner on the first's roster with a complete draft about it and a submitted
   * rating of the second, an open cycle, and an organisation of each kind with no part in it.
   */
  async function world() {
    const { client } = database;
    const scenario = await createRatingScenario(client, { primes: [{}, {}] });
    const [prime, otherPrime] = scenario.primes as [Actor, Actor];
    const admin = (actor: Actor): Actor => ({ ...actor, role: "ADMIN" });
    const as: Record<Role, Actor> = {
      commissioner: admin(scenario.commissioner),
      "other commissioner": admin(actorFor(await createCommissioner(client))),
      prime: admin(prime),
      "other prime": admin(otherPrime),
      partner: admin(scenario.partner),
      "unrelated partner": admin(actorFor(await createSubcontractor(client))),
    };
    const answers = answersAt("subcontractor", "best");
    const draft = await scenario.rate(scenario.partner, answers, { submittedAt: null });
    const submitted = await scenario.rate(scenario.partner, answers, { prime: otherPrime, submittedAt: NOW });
    // A supplier the commissioner's import found by its name only (docs/decisions/0028).
    const existing = await createPrime(client);
    const made = await createPrime(client);
    const likely = await client.likelyMatch.create({
      data: {
        commissionerId: scenario.commissioner.organisationId,
        supplierName: made.name,
        contractLabel: "a notice",
        madeId: made.id,
        existingId: existing.id,
        existingName: existing.name,
      },
    });
    return {
      as,
      likelyMatchId: likely.id,
      contractId: scenario.contractId,
      supplyChainMemberId: scenario.supplyChainMemberIds[0] as string,
      cycleId: scenario.cycleId,
      draftId: draft.id,
      submittedId: submitted.id,
    };
  }
  type World = Awaited<ReturnType<typeof world>>;

  const risk = () =>
    new Map(
      principleQuestions(framework, "risk-sharing", "subcontractor").map((q) => [
        q.key,
        { value: answersAt("subcontractor", "worst")[q.key] ?? "dont_know", evidence: null },
      ]),
    );

  const MUTATIONS: { name: string; allowed: Role[]; run: (actor: Actor, w: World) => Promise<unknown> }[] = [
    {
      name: "create a contract",
      allowed: ["commissioner", "other commissioner"],
      run: (actor) =>
        createContract(actor, {
          title: `Contract by ${actor.organisationName}`,
          reference: `REF-${actor.organisationId}`,
          valueBand: "£1m–£10m",
          startDate: new Date("2026-04-01"),
          endDate: null,
          ocid: null,
          primes: [{ name: "Someone Ltd", lot: null }],
        }),
    },
    {
      name: "import contracts from OCDS",
      allowed: ["commissioner", "other commissioner"],
      run: (actor) => importContracts(actor, []),
    },
    {
      name: "decide a likely match its import found",
      allowed: ["commissioner"],
      run: (actor, { likelyMatchId }) => decideLikelyMatch(actor, { matchId: likelyMatchId, same: true }),
    },
    {
      name: "add a partner to the supply chain",
      allowed: ["commissioner"],
      run: (actor, { as, contractId }) =>
        addPartner(actor, contractId, {
          primeId: as.prime.organisationId,
          name: "Harbour Food Bank",
          sizeBand: "MICRO",
          sector: "VCSE",
          namedInBid: true,
          status: "DELIVERING",
        }),
    },
    {
      name: "change a partner's status or place on the rating list",
      allowed: ["commissioner"],
      run: (actor, { supplyChainMemberId }) =>
        updatePartner(actor, supplyChainMemberId, { status: "EXITED" }),
    },
    {
      name: "open a rating cycle",
      allowed: ["commissioner"],
      run: (actor, { contractId }) =>
        openCycle(actor, contractId, {
          name: "2027–28",
          opensAt: new Date("2027-10-01"),
          closesAt: new Date("2028-01-31"),
        }),
    },
    {
      name: "invite a partner to rate the prime",
      allowed: ["commissioner", "prime"],
      run: (actor, { as, contractId }) =>
        createInvitation(
          actor,
          {
            contractId,
            primeId: as.prime.organisationId,
            organisationId: as.partner.organisationId,
            email: `${actor.organisationId}@example.org`,
            perspective: "subcontractor",
          },
          NOW,
        ),
    },
    {
      name: "start or resume a rating",
      allowed: ["partner"],
      run: (actor, { as, contractId }) =>
        startOrResume(
          actor,
          { contractId, primeId: as.prime.organisationId, perspective: "subcontractor" },
          NOW,
        ),
    },
    {
      name: "save a page of a draft",
      allowed: ["partner"],
      run: (actor, { draftId }) =>
        savePrinciple(actor, { id: draftId, revision: 0, principle: "risk-sharing", answers: risk() }),
    },
    {
      name: "submit a draft",
      allowed: ["partner"],
      // The world's draft is complete and has never been saved: revision 0.
      run: (actor, { draftId }) => submit(actor, draftId, 0, { now: NOW }),
    },
    {
      name: "start a correction of a submitted rating",
      allowed: ["partner"],
      run: (actor, { submittedId }) => startCorrection(actor, submittedId),
    },
    {
      name: "reply to the partners' view",
      allowed: ["prime"],
      run: (actor, { as, contractId, cycleId }) =>
        saveReplies(actor, {
          contractId,
          primeId: as.prime.organisationId,
          cycleId,
          replies: { "fair-payment": "A reply" },
        }),
    },
    {
      name: "add to the prime's action plan",
      allowed: ["prime"],
      run: (actor, { as, contractId }) =>
        addActionItem(actor, {
          contractId,
          primeId: as.prime.organisationId,
          principleKey: null,
          action: "An action",
          owner: "Someone",
          dueDate: new Date("2027-01-01"),
        }),
    },
    {
      name: "create an API key",
      allowed: ROLES,
      run: (actor) => createApiToken(actor, "A key"),
    },
  ];

  for (const mutation of MUTATIONS) {
    it(`${mutation.name}: only ${mutation.allowed.join(", ") || "nobody"}`, async () => {
      const w = await world();
      const refused = ROLES.filter((r) => !mutation.allowed.includes(r));
      // Every role is tried, one way or the other.
      expect([...refused, ...mutation.allowed].sort()).toEqual([...ROLES].sort());
      for (const role of refused) {
        const before = await snapshot();
        const error = await mutation.run(w.as[role], w).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${role} was allowed to ${mutation.name}`).not.toBeNull();
        if (mutation.allowed.length > 0) {
          expect(
            error instanceof ForbiddenError || error instanceof NotFoundError,
            `${role}: ${String(error)}`,
          ).toBe(true);
        }
        expect(await snapshot(), `${role} changed something`).toEqual(before);
      }
      for (const role of mutation.allowed) await mutation.run(w.as[role], w);
    });
  }

  it("lets only the prime move its own actions on, and only an organisation revoke its own keys", async () => {
    const { as, contractId } = await world();
    await addActionItem(as.prime, {
      contractId,
      primeId: as.prime.organisationId,
      principleKey: null,
      action: "An action",
      owner: "Someone",
      dueDate: new Date("2027-01-01"),
    });
    const [item] = await database.client.actionPlanItem.findMany({ where: { contractId } });
    if (!item) throw new Error("no action");
    const key = await createApiToken(as.prime, "A key");
    const others = ROLES.filter((r) => r !== "prime");
    expect(others).toHaveLength(ROLES.length - 1);
    for (const role of others) {
      const before = await snapshot();
      await expect(setActionStatus(as[role], item.id, "DONE")).rejects.toBeInstanceOf(NotFoundError);
      await expect(revokeApiToken(as[role], key.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await snapshot()).toEqual(before);
    }
    await setActionStatus(as.prime, item.id, "DONE");
    await revokeApiToken(as.prime, key.id);
  });

  it("refuses members without the administrator role the keys to reports", async () => {
    const { as } = await world();
    await expect(createApiToken({ ...as.commissioner, role: "MEMBER" }, "x")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
