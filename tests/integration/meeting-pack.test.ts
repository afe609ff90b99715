import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { meetingPackPdf } from "@/lib/reports/pack-pdf";
import { agreeAction, markActionDone } from "@/lib/services/action-agreement";
import { getMeetingPack } from "@/lib/services/meeting-pack";
import {
  addActionItem,
  listActionPlan,
  saveReplies,
  setActionStatus,
} from "@/lib/services/replies-and-plans";
import * as demo from "@/prisma/demo-data";
import { seedDemo } from "@/prisma/seed";
import { actorFor, createCommissioner, createSubcontractor, createUser } from "@/tests/support/factories";
import { pdfDrawing, pdfText } from "@/tests/support/pdf-text";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const AGREED_AT = new Date("2026-12-03T10:00:00Z");
const DONE_AT = new Date("2027-02-10T16:00:00Z");

describe.each(testDatabaseKinds())("meeting pack and agreed actions on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A contract with a prime, one partner on its roster, another council and the prime's one action. */
  async function world() {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      commissioner: "Wessex Borough Council",
      primes: [{ name: "Anvil Services Ltd" }],
      partners: 1,
    });
    const prime = scenario.primes[0] as Actor;
    const person = await createUser(client, { name: "Jo Marsh" });
    await client.membership.create({
      data: { userId: person.id, organisationId: scenario.commissioner.organisationId, role: "MEMBER" },
    });
    const council: Actor = { ...scenario.commissioner, userId: person.id, role: "MEMBER" };
    await addActionItem(prime, {
      contractId: scenario.contractId,
      primeId: prime.organisationId,
      principleKey: "fair-payment",
      action: "Pay every partner within 14 days",
      owner: "Head of supply chain",
      dueDate: new Date("2027-03-31"),
    });
    const [item] = await listActionPlan(prime, scenario.contractId, prime.organisationId);
    if (!item) throw new Error("the action was not added");
    return {
      council,
      person,
      prime,
      partner: scenario.partners[0] as Actor,
      otherCouncil: actorFor(await createCommissioner(client)),
      contractId: scenario.contractId,
      itemId: item.id,
    };
  }

  it("lets only the contract's commissioner mark an action agreed, once, and audits it", async () => {
    const { council, person, prime, partner, otherCouncil, contractId, itemId } = await world();
    await expect(agreeAction(prime, itemId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(agreeAction(partner, itemId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreeAction(otherCouncil, itemId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listActionPlan(prime, contractId, prime.organisationId))[0]).toMatchObject({
      agreedAt: null,
      agreedBy: null,
    });

    await agreeAction(council, itemId, AGREED_AT);
    // The prime sees who agreed it and when.
    expect((await listActionPlan(prime, contractId, prime.organisationId))[0]).toMatchObject({
      agreedAt: AGREED_AT,
      agreedBy: "Jo Marsh",
      status: "PLANNED",
    });
    await expect(agreeAction(council, itemId)).rejects.toBeInstanceOf(ConflictError);
    const log = await database.client.auditEvent.findMany({
      where: { organisationId: council.organisationId, action: "action.agreed" },
    });
    expect(log).toEqual([
      expect.objectContaining({
        userId: person.id,
        summary:
          'Agreed the action "Pay every partner within 14 days" with Anvil Services Ltd on ' +
          (await database.client.contract.findUniqueOrThrow({ where: { id: contractId } })).title,
      }),
    ]);
  });

  it("lets only the contract's commissioner mark an action done, and records who and when", async () => {
    const { council, prime, partner, otherCouncil, contractId, itemId } = await world();
    for (const refused of [partner, otherCouncil]) {
      await expect(markActionDone(refused, itemId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(markActionDone(prime, itemId)).rejects.toBeInstanceOf(ForbiddenError);
    await markActionDone(council, itemId, DONE_AT);
    expect((await listActionPlan(prime, contractId, prime.organisationId))[0]).toMatchObject({
      status: "DONE",
      doneAt: DONE_AT,
      doneBy: "Jo Marsh",
    });
    await expect(markActionDone(council, itemId)).rejects.toBeInstanceOf(ConflictError);
    // The prime moving it back clears "done"; the database refuses a done date on an action not done.
    await setActionStatus(prime, itemId, "IN_PROGRESS");
    expect((await listActionPlan(council, contractId, prime.organisationId))[0]).toMatchObject({
      status: "IN_PROGRESS",
      doneAt: null,
      doneBy: null,
    });
    await expect(
      database.client.$executeRawUnsafe(`UPDATE "ActionPlanItem" SET "doneAt" = now() WHERE id = $1`, itemId),
    ).rejects.toThrow(/ActionPlanItem_done_date_only_when_done/);
    const actions = await database.client.auditEvent.findMany({
      where: { action: { in: ["action.done", "action.status-changed"] } },
      orderBy: { createdAt: "asc" },
      select: { organisationId: true, action: true },
    });
    expect(actions).toEqual([
      { organisationId: council.organisationId, action: "action.done" },
      { organisationId: prime.organisationId, action: "action.status-changed" },
    ]);
  });

  describe("for a demo prime", () => {
    const seeded = useTestDatabase(kind);
    const ids = { contractId: "", primeId: "", closed: "", open: "", council: "", sam: "" };
    beforeAll(async () => {
      const { client } = seeded;
      await seedDemo(client);
      const contract = await client.contract.findFirstOrThrow({ where: { reference: "NCC-2025-014" } });
      const prime = await client.organisation.findFirstOrThrow({ where: { name: demo.primes.meridian } });
      const cycles = await client.cycle.findMany({
        where: { contractId: contract.id },
        orderBy: { opensAt: "asc" },
      });
      const sam = await client.user.findFirstOrThrow({ where: { name: "Sam Okafor" } });
      Object.assign(ids, {
        contractId: contract.id,
        primeId: prime.id,
        closed: cycles[0]?.id,
        open: cycles[1]?.id,
        council: contract.commissionerId,
        sam: sam.id,
      });
    });

    const as = (
      organisationId: string,
      type: Actor["organisationType"],
      userId: string | null = null,
    ): Actor => ({
      organisationId,
      organisationName: "",
      organisationType: type,
      userId,
      role: userId ? "ADMIN" : null,
    });

    it("gathers the summary, released charts, trend, replies and agreed actions, in the page and the PDF", async () => {
      const { client } = seeded;
      const meridian = as(ids.primeId, "PRIME");
      const sam = as(ids.council, "COMMISSIONER", ids.sam);
      await saveReplies(meridian, {
        contractId: ids.contractId,
        primeId: ids.primeId,
        cycleId: ids.closed,
        replies: { "fair-payment": "We moved every partner to 14-day terms in March." },
      });
      await addActionItem(meridian, {
        contractId: ids.contractId,
        primeId: ids.primeId,
        principleKey: "risk-sharing",
        action: "Share the volume forecast with every partner each quarter",
        owner: "Contracts manager",
        dueDate: new Date("2027-06-30"),
      });
      const [item] = await listActionPlan(meridian, ids.contractId, ids.primeId);
      if (!item) throw new Error("no action");
      await agreeAction(sam, item.id, AGREED_AT);

      const { pack, view } = await getMeetingPack(sam, {
        contractId: ids.contractId,
        primeId: ids.primeId,
        cycleId: ids.closed,
      });
      // The response count, worked here from the rows, not by the report.
      const [submitted, roster] = await Promise.all([
        client.assessment.count({
          where: {
            contractId: ids.contractId,
            primeId: ids.primeId,
            cycleId: ids.closed,
            perspective: "SUBCONTRACTOR",
            status: "SUBMITTED",
          },
        }),
        client.supplyChainMember.count({
          where: { contractId: ids.contractId, primeId: ids.primeId, canRate: true },
        }),
      ]);
      const summary = Object.fromEntries(pack.summary.map((r) => [r.label, r.value]));
      expect(summary["Partners who answered"]).toBe(`${submitted} of ${roster} on the rating list`);
      // Meridian's partners' overall, released, as a whole number (fewer than 10 ratings) with its band.
      const released = view.report.primes[0]?.partners;
      expect(released?.suppressed).toBe(false);
      expect(summary["Partners' overall score"]).toMatch(/^\d+ \(\w[\w ]*\)$/);
      expect(summary["The prime's claim minus its partners'"]).toMatch(/^\+\d+ \(Blind spot\)$/i);
      expect(pack.chart?.series.map((s) => s.name)).toEqual(["Prime's own score", "Partners' mean"]);
      expect(pack.replies).toEqual([
        { title: "Paying fairly and on time", text: "We moved every partner to 14-day terms in March." },
      ]);
      expect(pack.actions).toEqual([
        expect.objectContaining({
          action: "Share the volume forecast with every partner each quarter",
          owner: "Contracts manager",
          agreed: `Agreed by Sam Okafor on ${formatDate(AGREED_AT)}`,
        }),
      ]);

      const pdf = await meetingPackPdf(pack, view.report.minResponses);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = pdfText(pdf);
      expect(text).toContain(`${demo.primes.meridian} (South)`);
      expect(text).toContain("meeting pack");
      expect(text).toContain("Share the volume forecast with every partner each quarter");
      expect(text).toContain(`Agreed by Sam Okafor on ${formatDate(AGREED_AT)}`);
      expect(text).toContain("We moved every partner to 14-day terms in March.");
      expect(text).toContain(summary["Partners' overall score"]);
      // The chart is drawn, not pictured: a bar per figure shown, plus the legend's keys; no text below 9 pt.
      const drawing = pdfDrawing(pdf);
      const bars = (pack.chart?.series ?? []).flatMap((s) => s.values).filter((v) => v !== null).length;
      expect(bars).toBeGreaterThan(0);
      expect(drawing.filledRectangles).toBeGreaterThanOrEqual(bars + (pack.chart?.series.length ?? 0));
      expect(Math.min(...drawing.fontSizes)).toBeGreaterThanOrEqual(9);
    });

    it("shows no partners' figure before the release, though partners have answered", async () => {
      const sam = as(ids.council, "COMMISSIONER", ids.sam);
      const { pack, view } = await getMeetingPack(sam, {
        contractId: ids.contractId,
        primeId: ids.primeId,
        cycleId: ids.open,
      });
      expect(view.report.primes[0]?.submitted).toBeGreaterThan(0);
      expect(pack.chart).toBeNull();
      expect(pack.summary).toContainEqual({
        label: "Partners' overall score",
        value: "Not released for this cycle",
      });
      expect(pack.lines.every((l) => l.partners === null)).toBe(true);
    });

    it("is read by whoever reads the prime's report, and only what they read there", async () => {
      const { client } = seeded;
      const input = { contractId: ids.contractId, primeId: ids.primeId, cycleId: ids.closed };
      // A partner on Meridian's roster reads the partners' view: no self-assessment, replies or actions.
      const member = await client.supplyChainMember.findFirstOrThrow({
        where: { contractId: ids.contractId, primeId: ids.primeId, canRate: true },
      });
      const { pack } = await getMeetingPack(as(member.organisationId, "SUBCONTRACTOR"), input);
      expect(pack.seesSelf).toBe(false);
      expect(pack.replies).toEqual([]);
      expect(pack.actions).toEqual([]);
      expect(pack.summary.map((r) => r.label)).not.toContain("The prime's own overall score");
      // Another prime on the contract, another council, a partner on no roster: nothing.
      const castlegate = await client.organisation.findFirstOrThrow({
        where: { name: demo.primes.castlegate },
      });
      for (const stranger of [
        as(castlegate.id, "PRIME"),
        actorFor(await createCommissioner(client)),
        actorFor(await createSubcontractor(client)),
      ]) {
        await expect(getMeetingPack(stranger, input)).rejects.toBeInstanceOf(NotFoundError);
      }
    });
  });
});
