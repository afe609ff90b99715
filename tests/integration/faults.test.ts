import { type ChildProcess, spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { framework, principleQuestions } from "@/lib/framework";
import { getOwnAssessment, savePrinciple, startOrResume, submit } from "@/lib/services/assessments";
import { firstAnswers } from "@/tests/support/answers";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { type OpenTestDatabase, testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * A submit is one conditional update, its audit entry and its stored scores in one transaction:
 * whatever stops it part way, the assessment is either fully submitted or still the draft it was,
 * never half.
 */

const NOW = new Date("2026-11-22T12:00:00Z");

/** A partner with a complete draft, ready to submit. */
async function completeDraft(database: OpenTestDatabase): Promise<{ actor: Actor; id: string }> {
  const { contractId, prime, partner: actor } = await createRatingScenario(database.client);
  const id = await startOrResume(
    actor,
    { contractId, primeId: prime.organisationId, perspective: "subcontractor" },
    NOW,
  );
  for (const principle of nonEmpty(framework.principles, "principles")) {
    const { revision } = await getOwnAssessment(actor, id);
    const answers = firstAnswers(principleQuestions(framework, principle.key, "subcontractor"));
    await savePrinciple(actor, { id, revision, principle: principle.key, answers });
  }
  return { actor, id };
}

async function state(database: OpenTestDatabase, id: string, organisationId: string) {
  const row = await database.client.assessment.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      revision: true,
      submittedAt: true,
      _count: { select: { answers: true, scores: true } },
    },
  });
  const audited = await database.client.auditEvent.count({ where: { organisationId } });
  return { ...row, audited };
}

/** Makes the insert of stored scores, the last step of a submit, fail or hang: once per statement, so a hang is one sleep. */
async function breakLastStep(database: OpenTestDatabase, body: string) {
  await database.client.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION chainwise_test_fault() RETURNS trigger AS $$ BEGIN ${body}; RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await database.client.$executeRawUnsafe(
    `CREATE TRIGGER chainwise_test_fault BEFORE INSERT ON "AssessmentScore" FOR EACH STATEMENT EXECUTE FUNCTION chainwise_test_fault()`,
  );
}

async function repairLastStep(database: OpenTestDatabase) {
  await database.client.$executeRawUnsafe(`DROP TRIGGER IF EXISTS chainwise_test_fault ON "AssessmentScore"`);
}

describe.each(testDatabaseKinds())("a submit that fails part way, on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("leaves the draft exactly as it was when the transaction aborts after the status update", async () => {
    const { actor, id } = await completeDraft(database);
    const before = await state(database, id, actor.organisationId);
    expect(before).toMatchObject({ status: "DRAFT", submittedAt: null, audited: 0 });

    await breakLastStep(database, "RAISE EXCEPTION 'disk full'");
    try {
      await expect(submit(actor, id, before.revision, { now: NOW })).rejects.toThrow(/disk full/);
    } finally {
      await repairLastStep(database);
    }
    expect(await state(database, id, actor.organisationId)).toEqual(before);

    // Once the fault is gone the same page submits.
    await submit(actor, id, before.revision, { now: NOW });
    expect(await state(database, id, actor.organisationId)).toMatchObject({
      status: "SUBMITTED",
      revision: before.revision + 1,
      audited: 1,
      _count: { answers: before._count.answers, scores: framework.principles.length + 1 },
    });
  });
});

const postgres = testDatabaseKinds().includes("postgres");

describe.skipIf(!postgres)("a server killed during a submit, on postgres", () => {
  const database = useTestDatabase("postgres");
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: database.url ?? "" });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  function submitInChild(id: string, organisationId: string): { child: ChildProcess; output: () => string } {
    let output = "";
    // Node itself with tsx as a loader, not through npx: the process killed is the one holding the connection.
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "tests/support/submit-in-child.ts",
        id,
        organisationId,
      ],
      { env: { ...process.env, DATABASE_URL: database.url ?? "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      output += String(chunk);
    });
    return { child, output: () => output };
  }

  /** The child's database session while it sleeps inside the submit's transaction, once it gets there. */
  async function waitForSleepingSubmit(): Promise<number> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND wait_event = 'PgSleep' AND state = 'active'`,
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the child never reached the last step of its submit");
  }

  it("leaves the assessment a draft when the process dies between the update and the commit", {
    timeout: 90_000,
  }, async () => {
    const { actor, id } = await completeDraft(database);
    const before = await state(database, id, actor.organisationId);
    // Long enough to be caught asleep; PostgreSQL only notices a vanished client after the sleep.
    await breakLastStep(database, "PERFORM pg_sleep(5)");
    const { child } = submitInChild(id, actor.organisationId);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const backend = await waitForSleepingSubmit();
    // Mid-transaction: the status is already updated in there, but nobody else can see it.
    expect((await state(database, id, actor.organisationId)).status).toBe("DRAFT");
    child.kill("SIGKILL");
    await exited;
    // The server finds the connection gone and rolls the transaction back.
    const deadline = Date.now() + 20_000;
    while ((await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend])).rows.length > 0) {
      if (Date.now() > deadline) throw new Error("the killed child's session stayed open");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await repairLastStep(database);
    expect(await state(database, id, actor.organisationId)).toEqual(before);

    // The next try, in a process left to finish, submits the whole thing.
    const retry = submitInChild(id, actor.organisationId);
    const code = await new Promise((resolve) => retry.child.once("exit", resolve));
    expect(code, retry.output()).toBe(0);
    expect(retry.output()).toContain("submitted");
    expect(await state(database, id, actor.organisationId)).toMatchObject({
      status: "SUBMITTED",
      revision: before.revision + 1,
      audited: 1,
    });
  });
});
