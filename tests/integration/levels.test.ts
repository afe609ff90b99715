import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import { confirmLevel, getLevel, publicRegister } from "@/lib/services/levels";
import { releasePeriod } from "@/lib/services/releases";
import { recordVerdict } from "@/lib/services/verification";
import { answersAt } from "@/tests/support/answers";
import { actorFor, createCommissioner, createPrime, createUser } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** After the scenario's cycle (31 January 2027) has closed. */
const AFTER = new Date("2027-06-01T00:00:00Z");

/** Levels (issue 18, part 4): the rule fed only released figures, the confirmation, and the register. */
describe.each(testDatabaseKinds())("levels on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A prime self-assessed at its best, four partners who rated it as `partners` say, and a council admin. */
  async function world(partners: "best" | "worst") {
    const { client } = database;
    const scenario = await createRatingScenario(client, { partners: 4 });
    await client.organisation.update({
      where: { id: scenario.commissioner.organisationId },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: scenario.commissioner.organisationId, role: "ADMIN" },
    });
    const admin: Actor = { ...scenario.commissioner, userId: user.id, role: "ADMIN" };
    const { id: assessmentId } = await scenario.rate(scenario.prime, answersAt("prime", "best"));
    for (const partner of scenario.partners)
      await scenario.rate(partner, answersAt("subcontractor", partners));
    const verifyAll = async () => {
      for (const principleKey of PRINCIPLE_KEYS) {
        await recordVerdict(scenario.commissioner, {
          assessmentId,
          principleKey,
          verdict: "VERIFIED",
          comment: "",
        });
      }
    };
    const release = () => releasePeriod(admin, admin.organisationId, scenario.cycleName, AFTER);
    return { ...scenario, assessmentId, verifyAll, release };
  }

  it("meets the code once every principle is verified and partners' released figures agree; the register shows it when published", async () => {
    const w = await world("best");
    let level = await getLevel(w.prime, w.assessmentId);
    expect(level.worked?.level).toBe("NOT_YET");
    expect(level.worked?.reasons).toHaveLength(PRINCIPLE_KEYS.length);
    expect(level.confirmed).toBeNull();

    await w.verifyAll();
    level = await getLevel(w.commissioner, w.assessmentId);
    expect(level.worked?.level).toBe("MEETS_WITH_CONDITIONS");
    expect(level.worked?.reasons).toEqual(["Partners' figures for this cycle have not been released."]);

    await w.release();
    level = await getLevel(w.prime, w.assessmentId);
    expect(level.worked?.level).toBe("MEETS");

    expect((await confirmLevel(w.commissioner, { assessmentId: w.assessmentId, publish: true })).level).toBe(
      "MEETS",
    );
    const confirmed = (await getLevel(w.prime, w.assessmentId)).confirmed;
    expect(confirmed).toMatchObject({ level: "MEETS", published: true, reasons: [], ruleVersion: "1" });
    const line = (await publicRegister()).find((e) => e.primeName === w.prime.organisationName);
    expect(line).toMatchObject({ contractTitle: w.contractTitle, cycleName: w.cycleName, level: "MEETS" });
    // Names, the cycle, the level and its date: nothing a figure could hide in.
    expect(Object.keys(line ?? {}).sort()).toEqual(
      ["commissionerName", "confirmedAt", "contractTitle", "cycleName", "key", "level", "primeName"].sort(),
    );

    // A later confirmation, not published, takes the prime off the register; the first stays in the history.
    await confirmLevel(w.commissioner, { assessmentId: w.assessmentId, publish: false });
    expect((await publicRegister()).some((e) => e.primeName === w.prime.organisationName)).toBe(false);
    expect(await database.client.levelConfirmation.count({ where: { assessmentId: w.assessmentId } })).toBe(
      2,
    );
  });

  it("reads partners' figures only once released: unreleased ratings change nothing, released ones do", async () => {
    const w = await world("worst");
    await w.verifyAll();
    const before = await getLevel(w.prime, w.assessmentId);
    expect(before.worked?.level).toBe("MEETS_WITH_CONDITIONS");
    expect(before.worked?.reasons).toEqual(["Partners' figures for this cycle have not been released."]);

    await w.release();
    const after = await getLevel(w.prime, w.assessmentId);
    expect(after.worked?.level).toBe("NOT_YET");
    expect(nonEmpty(after.worked?.reasons ?? []).every((r) => / stands at [\d.]+, below 40\.$/.test(r))).toBe(
      true,
    );
  });

  it("lets only the contract's commissioner confirm, and only the prime and that commissioner read a level", async () => {
    const w = await world("best");
    const strangers: [string, Actor][] = [
      ["a partner of the prime", w.partner],
      ["another prime", actorFor(await createPrime(database.client))],
      ["another commissioner", actorFor(await createCommissioner(database.client))],
    ];
    for (const [who, stranger] of nonEmpty(strangers)) {
      await expect(getLevel(stranger, w.assessmentId), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        confirmLevel(stranger, { assessmentId: w.assessmentId, publish: true }),
        who,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      confirmLevel(w.prime, { assessmentId: w.assessmentId, publish: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.client.levelConfirmation.count({ where: { assessmentId: w.assessmentId } })).toBe(
      0,
    );

    // A confirmation is a dated record: the database refuses to change or remove it.
    await confirmLevel(w.commissioner, { assessmentId: w.assessmentId, publish: false });
    const sql = (text: string) => database.client.$executeRawUnsafe(text);
    await expect(sql(`UPDATE "LevelConfirmation" SET "published" = true`)).rejects.toThrow(/never changes/);
    await expect(sql(`DELETE FROM "LevelConfirmation"`)).rejects.toThrow(/never changes/);
  });
});
