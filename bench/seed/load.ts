import { createHmac } from "node:crypto";
import type { Pool } from "./pool";
import type { Progress } from "./progress";
import type { Sql } from "./sql";
import { type AssessmentRow, type ContractBlock, FRAMEWORK, type World } from "./world";

/**
 * Writes a world with batched multi-row inserts, one transaction per batch of contracts. Rows go
 * in as one JSON parameter per statement (json_to_recordset), which both PGlite and PostgreSQL
 * parse far faster than thousands of bound parameters. Answers and stored scores are expanded in
 * the database from the scored pool (a temporary table), so the 6 million answers at L never
 * cross the wire one by one; what lands in "Answer" is exactly what the pool's scoring produced.
 */

interface Column {
  name: string;
  /** Its type in the JSON record; enums arrive as text and are cast. */
  type: string;
  cast?: string;
}

const col = (name: string, type = "text", cast?: string): Column => ({ name, type, cast });

async function insert(
  sql: Sql,
  table: string,
  columns: Column[],
  rows: readonly object[],
  constants: Record<string, string> = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = [...columns.map((c) => `"${c.name}"`), ...Object.keys(constants).map((k) => `"${k}"`)];
  const values = [
    ...columns.map((c) => (c.cast ? `x."${c.name}"::${c.cast}` : `x."${c.name}"`)),
    ...Object.values(constants),
  ];
  const record = columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
  await sql.query(
    `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${values.join(", ")} FROM json_to_recordset($1::json) AS x(${record})`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}

const NOW = { createdAt: "now()", updatedAt: "now()" };

async function loadPool(sql: Sql, pool: Pool) {
  await sql.exec(`
    CREATE TEMP TABLE bench_answer_pool (set int, "questionKey" text, value jsonb, score float8,
      "principleKey" text, flagged boolean, evidence text);
    CREATE TEMP TABLE bench_score_pool (set int, measure text, score float8);`);
  const answers = pool.sets.flatMap((s) => s.answers.map((a) => ({ set: s.id, ...a })));
  const scores = pool.sets.flatMap((s) => s.scores.map((x) => ({ set: s.id, ...x })));
  await insert(
    sql,
    "bench_answer_pool",
    [
      col("set", "int"),
      col("questionKey"),
      col("value", "text", "jsonb"),
      col("score", "float8"),
      col("principleKey"),
      col("flagged", "boolean"),
      col("evidence"),
    ],
    answers,
  );
  await insert(sql, "bench_score_pool", [col("set", "int"), col("measure"), col("score", "float8")], scores);
  await sql.exec("ANALYZE bench_answer_pool; ANALYZE bench_score_pool;");
}

const assessmentColumns = [
  col("id"),
  col("reference"),
  col("perspective", "text", '"Perspective"'),
  col("contractId"),
  col("cycleId"),
  col("primeId"),
  col("respondentOrgId"),
  col("status", "text", '"AssessmentStatus"'),
  col("version", "int"),
  col("supersedesId"),
  col("revision", "int"),
  col("createdAt", "timestamp(3)"),
  col("updatedAt", "timestamp(3)"),
  col("submittedAt", "timestamp(3)"),
  col("notesSharedWithPrime", "boolean"),
];

async function loadBlocks(sql: Sql, blocks: ContractBlock[], pool: Pool): Promise<number> {
  let rows = 0;
  rows += await insert(
    sql,
    "Contract",
    [
      col("id"),
      col("reference"),
      col("title"),
      col("valueBand"),
      col("startDate", "date"),
      col("endDate", "date"),
      col("commissionerId"),
    ],
    blocks.map((b) => b.contract),
    NOW,
  );
  rows += await insert(
    sql,
    "ContractPrime",
    [col("id"), col("contractId"), col("primeId"), col("lot")],
    blocks.flatMap((b) => b.awards),
    { createdAt: "now()" },
  );
  rows += await insert(
    sql,
    "Cycle",
    [
      col("id"),
      col("contractId"),
      col("name"),
      col("opensAt", "timestamp(3)"),
      col("closesAt", "timestamp(3)"),
    ],
    blocks.flatMap((b) => b.cycles),
    { createdAt: "now()" },
  );
  rows += await insert(
    sql,
    "SupplyChainMember",
    [
      col("id"),
      col("contractId"),
      col("primeId"),
      col("organisationId"),
      col("namedInBid", "boolean"),
      col("status", "text", '"ChainStatus"'),
      col("canRate", "boolean"),
    ],
    blocks.flatMap((b) => b.members),
    NOW,
  );
  const assessments: AssessmentRow[] = blocks.flatMap((b) => b.assessments);
  rows += await insert(sql, "Assessment", assessmentColumns, assessments, {
    frameworkId: `'${FRAMEWORK.id}'`,
    frameworkVersion: `'${FRAMEWORK.version}'`,
  });
  const link = assessments.map((a) => ({ id: a.id, set: a.set, updatedAt: a.updatedAt }));
  await sql.query(
    `INSERT INTO "Answer" ("assessmentId", "questionKey", value, score, "principleKey", flagged, evidence, "updatedAt")
     SELECT x.id, p."questionKey", p.value, p.score, p."principleKey", p.flagged, p.evidence, x."updatedAt"
     FROM json_to_recordset($1::json) AS x(id text, set int, "updatedAt" timestamp(3))
     JOIN bench_answer_pool p ON p.set = x.set`,
    [JSON.stringify(link)],
  );
  const submitted = link.filter((_, i) => assessments[i]?.status === "SUBMITTED");
  await sql.query(
    `INSERT INTO "AssessmentScore" ("assessmentId", measure, score)
     SELECT x.id, p.measure, p.score
     FROM json_to_recordset($1::json) AS x(id text, set int) JOIN bench_score_pool p ON p.set = x.set`,
    [JSON.stringify(submitted)],
  );
  for (const a of assessments) {
    const set = pool.sets[a.set];
    rows += (set?.answers.length ?? 0) + (a.status === "SUBMITTED" ? (set?.scores.length ?? 0) : 0);
  }
  return rows;
}

/** The secret the benchmark's server signs session cookies with; the data is synthetic. */
export const BENCH_AUTH_SECRET = "chainwise-benchmark-secret-not-for-any-real-site";

export const BENCH_SESSIONS = {
  commissioner: "bench-session-commissioner",
  prime: "bench-session-prime",
  partner: "bench-session-partner",
} as const;

/** A Better Auth session cookie for one of the benchmark's people, signed as Better Auth signs it. */
export function sessionCookie(token: string, secret = BENCH_AUTH_SECRET): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** A signed-in person for each organisation the HTTP benchmark acts for. */
async function loadPeople(sql: Sql, world: World) {
  const people = [
    { role: "commissioner", organisationId: world.actors.commissionerId },
    { role: "prime", organisationId: world.actors.primeId },
    { role: "partner", organisationId: world.actors.partnerId },
  ] as const;
  const users = people.map((p) => ({
    id: `bench-user-${p.role}`,
    name: `Bench ${p.role}`,
    email: `${p.role}@bench.invalid`,
  }));
  await insert(sql, "user", [col("id"), col("name"), col("email")], users, { ...NOW, emailVerified: "true" });
  await insert(
    sql,
    "session",
    [col("id"), col("token"), col("userId"), col("activeOrganisationId")],
    people.map((p) => ({
      id: `bench-session-id-${p.role}`,
      token: BENCH_SESSIONS[p.role],
      userId: `bench-user-${p.role}`,
      activeOrganisationId: p.organisationId,
    })),
    { ...NOW, expiresAt: "'2099-01-01'" },
  );
  await insert(
    sql,
    "Membership",
    [col("id"), col("userId"), col("organisationId")],
    people.map((p) => ({
      id: `bench-membership-${p.role}`,
      userId: `bench-user-${p.role}`,
      organisationId: p.organisationId,
    })),
    { createdAt: "now()", role: "'ADMIN'" },
  );
}

export function expectedRows(world: World, pool: Pool): number {
  let rows = world.organisations.length;
  for (const b of world.blocks) {
    rows += 1 + b.awards.length + b.cycles.length + b.members.length + b.assessments.length;
    for (const a of b.assessments) {
      const set = pool.sets[a.set];
      rows += (set?.answers.length ?? 0) + (a.status === "SUBMITTED" ? (set?.scores.length ?? 0) : 0);
    }
  }
  return rows;
}

/** Loads the world; returns the rows written. `batch` is how many assessments one transaction holds. */
export async function loadWorld(sql: Sql, world: World, pool: Pool, progress: Progress, batch = 2_000) {
  if (sql.kind === "postgres") await sql.exec("SET synchronous_commit = off");
  await loadPool(sql, pool);
  for (let i = 0; i < world.organisations.length; i += 5_000) {
    progress.add(
      await insert(
        sql,
        "Organisation",
        [
          col("id"),
          col("name"),
          col("type", "text", '"OrganisationType"'),
          col("sector", "text", '"Sector"'),
          col("sizeBand", "text", '"SizeBand"'),
        ],
        world.organisations.slice(i, i + 5_000),
        NOW,
      ),
    );
  }
  let group: ContractBlock[] = [];
  let size = 0;
  const flush = async () => {
    if (group.length === 0) return;
    await sql.exec("BEGIN");
    const rows = await loadBlocks(sql, group, pool);
    await sql.exec("COMMIT");
    progress.add(rows);
    group = [];
    size = 0;
  };
  for (const block of world.blocks) {
    group.push(block);
    size += block.assessments.length;
    if (size >= batch) await flush();
  }
  await flush();
  await loadPeople(sql, world);
}
