import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { framework, principleQuestions } from "@/lib/framework";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { savePrinciple, startCorrection, startOrResume, submit } from "@/lib/services/assessments";
import { addPartner, createContract, openCycle, updatePartner } from "@/lib/services/contract-admin";
import { createInvitation } from "@/lib/services/invitations";
import { importContracts } from "@/lib/services/ocds-import";
import { addActionItem, saveReplies, setActionStatus } from "@/lib/services/prime-responses";
import { answersAt } from "@/tests/support/answers";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract as createContractRow,
  createCycle,
  createPrime,
  createSubcontractor,
} from "@/tests/support/factories";
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/support/test-database";

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
  let database: TestDatabase;
  const as: Record<Role, Actor> = {} as Record<Role, Actor>;
  let contractId: string;
  let memberId: string;
  let cycleId: string;
  let draftId: string;
  let submittedId: string;

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
    ]);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    database.use();
    const { client } = database;
    as.commissioner = {
      ...actorFor(await createCommissioner(client, "Wessex Borough Council")),
      role: "ADMIN",
    };
    as["other commissioner"] = { ...actorFor(await createCommissioner(client)), role: "ADMIN" };
    as.prime = { ...actorFor(await createPrime(client, "Anvil Services Ltd")), role: "ADMIN" };
    as["other prime"] = { ...actorFor(await createPrime(client)), role: "ADMIN" };
    as.partner = { ...actorFor(await createSubcontractor(client)), role: "ADMIN" };
    as["unrelated partner"] = { ...actorFor(await createSubcontractor(client)), role: "ADMIN" };
    const contract = await createContractRow(client, {
      commissionerId: as.commissioner.organisationId,
      primes: [{ primeId: as.prime.organisationId }, { primeId: as["other prime"].organisationId }],
    });
    contractId = contract.id;
    memberId = (
      await addToSupplyChain(client, {
        contractId,
        primeId: as.prime.organisationId,
        organisationId: as.partner.organisationId,
      })
    ).id;
    cycleId = (await createCycle(client, { contractId })).id;
    const answers = answersAt("subcontractor", "best");
    draftId = (
      await createAssessment(client, {
        contractId,
        cycleId,
        primeId: as.prime.organisationId,
        respondentOrgId: as.partner.organisationId,
        perspective: "subcontractor",
        answers,
      })
    ).id;
    submittedId = (
      await createAssessment(client, {
        contractId,
        cycleId,
        primeId: as["other prime"].organisationId,
        respondentOrgId: as.partner.organisationId,
        perspective: "subcontractor",
        answers,
        submittedAt: NOW,
      })
    ).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const risk = () =>
    new Map(
      principleQuestions(framework, "risk-sharing", "subcontractor").map((q) => [
        q.key,
        { value: answersAt("subcontractor", "worst")[q.key] ?? "dont_know", evidence: null },
      ]),
    );

  const MUTATIONS: { name: string; allowed: Role[]; run: (actor: Actor) => Promise<unknown> }[] = [
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
      name: "add a partner to the supply chain",
      allowed: ["commissioner"],
      run: (actor) =>
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
      run: (actor) => updatePartner(actor, memberId, { status: "EXITED" }),
    },
    {
      name: "open a rating cycle",
      allowed: ["commissioner"],
      run: (actor) =>
        openCycle(actor, contractId, {
          name: "2027–28",
          opensAt: new Date("2027-10-01"),
          closesAt: new Date("2028-01-31"),
        }),
    },
    {
      name: "invite a partner to rate the prime",
      allowed: ["commissioner", "prime"],
      run: (actor) =>
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
      run: (actor) =>
        startOrResume(
          actor,
          { contractId, primeId: as.prime.organisationId, perspective: "subcontractor" },
          NOW,
        ),
    },
    {
      name: "save a page of a draft",
      allowed: ["partner"],
      run: (actor) =>
        savePrinciple(actor, { id: draftId, revision: 0, principle: "risk-sharing", answers: risk() }),
    },
    {
      name: "submit a draft",
      allowed: ["partner"],
      // Its page was saved once above, so the draft is at revision 1.
      run: (actor) => submit(actor, draftId, 1, { now: NOW }),
    },
    {
      name: "start a correction of a submitted rating",
      allowed: ["partner"],
      run: (actor) => startCorrection(actor, submittedId),
    },
    {
      name: "reply to the partners' view",
      allowed: ["prime"],
      run: (actor) =>
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
      run: (actor) =>
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
      for (const role of ROLES.filter((r) => !mutation.allowed.includes(r))) {
        const before = await snapshot();
        const error = await mutation.run(as[role]).then(
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
      for (const role of mutation.allowed) await mutation.run(as[role]);
    });
  }

  it("lets only the prime move its own actions on, and only an organisation revoke its own keys", async () => {
    const [item] = await database.client.actionPlanItem.findMany({ where: { contractId } });
    if (!item) throw new Error("no action");
    const keys = await database.client.apiToken.findMany({
      where: { organisationId: as.prime.organisationId },
    });
    for (const role of ROLES.filter((r) => r !== "prime")) {
      const before = await snapshot();
      await expect(setActionStatus(as[role], item.id, "DONE")).rejects.toBeInstanceOf(NotFoundError);
      await expect(revokeApiToken(as[role], keys[0]?.id ?? "")).rejects.toBeInstanceOf(NotFoundError);
      expect(await snapshot()).toEqual(before);
    }
    await setActionStatus(as.prime, item.id, "DONE");
    await revokeApiToken(as.prime, keys[0]?.id ?? "");
  });

  it("refuses members without the administrator role the keys to reports", async () => {
    await expect(createApiToken({ ...as.commissioner, role: "MEMBER" }, "x")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
