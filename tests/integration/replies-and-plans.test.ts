import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { exportReport } from "@/lib/reports/export-response";
import { actorForApiToken, createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import {
  addActionItem,
  listActionPlan,
  saveReplies,
  setActionStatus,
} from "@/lib/services/replies-and-plans";
import { getContractReport } from "@/lib/services/reports";
import { actorFor, createCommissioner, createSubcontractor } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const NOW = new Date("2026-12-01T12:00:00Z");

describe.each(testDatabaseKinds())("replies, action plans and API keys on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A contract of two primes in an open cycle, with a commissioner elsewhere and a partner on no roster. */
  async function world() {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      commissioner: "Wessex Borough Council",
      primes: [{ name: "Anvil Services Ltd" }, { name: "Beacon Outcomes plc" }],
      partners: 0,
    });
    const [prime, otherPrime] = scenario.primes as [Actor, Actor];
    return {
      council: scenario.commissioner,
      councilAdmin: { ...scenario.commissioner, role: "ADMIN" } as Actor,
      otherCouncil: { ...actorFor(await createCommissioner(client)), role: "ADMIN" } as Actor,
      prime,
      otherPrime,
      partner: actorFor(await createSubcontractor(client)),
      contractId: scenario.contractId,
      cycleId: scenario.cycleId,
    };
  }

  const planItem = (prime: Actor, contractId: string) =>
    addActionItem(prime, {
      contractId,
      primeId: prime.organisationId,
      principleKey: "fair-payment",
      action: "Move every partner to 14-day payment terms",
      owner: "Head of supply chain",
      dueDate: new Date("2027-03-31"),
    });

  it("lets only the prime reply, and shows its replies to the commissioner", async () => {
    const { council, prime, otherPrime, partner, contractId, cycleId } = await world();
    const input = {
      contractId,
      primeId: prime.organisationId,
      cycleId,
      replies: { "fair-payment": "We now pay within 14 days.", "risk-sharing": "" },
    };
    for (const actor of [council, otherPrime, partner]) {
      await expect(saveReplies(actor, input)).rejects.toBeInstanceOf(NotFoundError);
    }
    await saveReplies(prime, input);
    const report = await getContractReport(council, contractId, { now: NOW, primeId: prime.organisationId });
    expect(report.primes[0]?.replies).toEqual({ "fair-payment": "We now pay within 14 days." });
    // A blank reply removes it.
    await saveReplies(prime, { ...input, replies: { "fair-payment": "" } });
    expect((await getContractReport(prime, contractId, { now: NOW })).primes[0]?.replies).toEqual({});
  });

  it("keeps the prime's action plan, readable by the commissioner, changed only by the prime", async () => {
    const { council, otherCouncil, prime, otherPrime, partner, contractId } = await world();
    await planItem(prime, contractId);
    await expect(
      addActionItem(otherPrime, {
        contractId,
        primeId: prime.organisationId,
        principleKey: null,
        action: "x",
        owner: "y",
        dueDate: new Date("2027-01-01"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [item] = await listActionPlan(council, contractId, prime.organisationId);
    expect(item).toMatchObject({ action: "Move every partner to 14-day payment terms", status: "PLANNED" });
    if (!item) throw new Error("no item");
    await expect(setActionStatus(council, item.id, "DONE")).rejects.toBeInstanceOf(NotFoundError);
    await setActionStatus(prime, item.id, "IN_PROGRESS");
    expect((await listActionPlan(prime, contractId, prime.organisationId))[0]?.status).toBe("IN_PROGRESS");
    await expect(listActionPlan(otherPrime, contractId, prime.organisationId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listActionPlan(partner, contractId, prime.organisationId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listActionPlan(otherCouncil, contractId, prime.organisationId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("serves a report's JSON to an API key for what its organisation may see, and nothing once revoked", async () => {
    const { council, councilAdmin, otherCouncil, prime, contractId } = await world();
    await planItem(prime, contractId);
    await expect(createApiToken(council, "No role")).rejects.toBeInstanceOf(ForbiddenError);
    const { id, token } = await createApiToken(councilAdmin, "Dashboard");
    expect(token).toMatch(/^cw_[A-Za-z0-9_-]{43}$/);
    const stored = await database.client.apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));

    const get = (path: string, key: string) =>
      exportReport(
        new Request(`http://chainwise.test${path}`, { headers: { authorization: `Bearer ${key}` } }),
        {
          contractId,
        },
      );
    const ok = await get(`/api/reports/contracts/${contractId}?format=json`, token);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.viewer).toBe("commissioner");
    expect(body.primes.map((p: { prime: { name: string } }) => p.prime.name)).toEqual([
      "Anvil Services Ltd",
      "Beacon Outcomes plc",
    ]);
    expect(body.primes[0].actionPlan[0].action).toBe("Move every partner to 14-day payment terms");

    // A key reads JSON only, and another commissioner's key sees nothing of this contract.
    expect((await get(`/x?format=csv&table=primes`, token)).status).toBe(401);
    const other = await createApiToken(otherCouncil, "Other");
    expect((await get(`/x?format=json`, other.token)).status).toBe(404);
    expect((await get(`/x?format=json`, "cw_not-a-key")).status).toBe(401);

    await revokeApiToken(councilAdmin, id);
    expect(await actorForApiToken(token)).toBeNull();
    expect((await get(`/x?format=json`, token)).status).toBe(401);
    const log = await database.client.auditEvent.findMany({
      where: { organisationId: council.organisationId },
    });
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(["api-token", "report.exported"]));
  });
});
