/**
 * Submits one assessment in a process of its own, for tests/integration/faults.test.ts to kill part
 * way: `node --conditions=react-server --import tsx tests/support/submit-in-child.ts <assessment> <organisation>`
 * with DATABASE_URL naming a PostgreSQL database. Prints "submitted" when done.
 */
import { closeDb } from "@/lib/db/client";
import { getOwnAssessment, submit } from "@/lib/services/assessments";

const [id = "", organisationId = ""] = process.argv.slice(2);
const actor = {
  organisationId,
  organisationName: "child",
  organisationType: "SUBCONTRACTOR" as const,
  userId: null,
  role: null,
};
const now = new Date("2026-11-22T12:00:00Z");
try {
  const { revision } = await getOwnAssessment(actor, id);
  console.info("submitting");
  await submit(actor, id, revision, { now });
  console.info("submitted");
} finally {
  await closeDb();
}
