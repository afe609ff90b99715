import type { Sql } from "../seed/sql";

/**
 * The floor a report is measured against: one hand-written statement that yields every figure the
 * report shows (partners' figures in whole batches of k, response counts, rosters, the prime's own
 * scores), straight from the driver with no ORM, no access checks and no shaping. It follows the
 * rules of ADR 0005, which reports no longer do: they read stored releases (ADR 0011), so the
 * benchmark's figure check now reports mismatches until step 7 of ADR 0011 rewrites it against the
 * release tables.
 */

export interface FigureRow {
  kind: "measure" | "question" | "submitted" | "roster" | "self" | "chain" | "note";
  cycleId: string | null;
  primeId: string;
  key: string | null;
  n: number | null;
  mean: number | null;
  median: number | null;
  strong: number | null;
  good: number | null;
  developing: number | null;
  concern: number | null;
  flagged: number | null;
  share: number | null;
  text: string | null;
}

/**
 * Partners' figures over `current` (each partner's current submitted rating, with when it first
 * arrived), batched per figure, plus how many answered. Means and medians are rounded once from
 * whole tenths, halves away from zero, as lib/scoring rounds.
 */
const FIGURES = (k: string) => `
  scored AS (
    SELECT c."cycleId", c."primeId", s.measure, round(s.score * 10)::int AS tenths,
           row_number() OVER (PARTITION BY c."cycleId", c."primeId", s.measure ORDER BY c.first_at, c."respondentOrgId") AS pos,
           count(*) OVER (PARTITION BY c."cycleId", c."primeId", s.measure) AS total
    FROM current c JOIN "AssessmentScore" s ON s."assessmentId" = c.id
    WHERE s.score IS NOT NULL
  ),
  answered AS (
    SELECT c."cycleId", c."primeId", x."questionKey", round(x.score * 10) AS tenths, x.flagged,
           row_number() OVER (PARTITION BY c."cycleId", c."primeId", x."questionKey" ORDER BY c.first_at, c."respondentOrgId") AS pos,
           count(*) OVER (PARTITION BY c."cycleId", c."primeId", x."questionKey") AS total
    FROM current c JOIN "Answer" x ON x."assessmentId" = c.id
    WHERE x.value NOT IN ('"dont_know"'::jsonb, '"not_applicable"'::jsonb)
  ),
  figures AS (
    SELECT 'measure' AS kind, "cycleId", "primeId", measure AS key, count(*)::int AS n,
           round(sum(tenths)::numeric / (10 * count(*)), 1)::float8 AS mean,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY tenths))::numeric / 10, 1)::float8 AS median,
           count(*) FILTER (WHERE tenths >= 800)::int AS strong,
           count(*) FILTER (WHERE tenths >= 600 AND tenths < 800)::int AS good,
           count(*) FILTER (WHERE tenths >= 400 AND tenths < 600)::int AS developing,
           count(*) FILTER (WHERE tenths < 400)::int AS concern,
           NULL::int AS flagged, NULL::float8 AS share, NULL::text AS text
    FROM scored WHERE pos <= (total / ${k}) * ${k}
    GROUP BY "cycleId", "primeId", measure
    UNION ALL
    SELECT 'question', "cycleId", "primeId", "questionKey", count(*)::int,
           CASE WHEN count(tenths) > 0 THEN round(sum(tenths)::numeric / (10 * count(tenths)), 1)::float8 END,
           NULL, NULL, NULL, NULL, NULL,
           count(*) FILTER (WHERE flagged)::int,
           round(count(*) FILTER (WHERE flagged) * 100::numeric / count(*), 1)::float8, NULL
    FROM answered WHERE pos <= (total / ${k}) * ${k}
    GROUP BY "cycleId", "primeId", "questionKey"
    UNION ALL
    SELECT 'submitted', "cycleId", "primeId", NULL, count(*)::int, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM current GROUP BY "cycleId", "primeId"
  )`;

/** Each partner's current submitted rating in the chosen cycles (`cycles`), for the primes in `primes`. */
const CURRENT = (primeFilter: string) => `
  versions AS (
    SELECT a.id, a."cycleId", a."primeId", a."respondentOrgId", a."notesSharedWithPrime",
           min(a."submittedAt") OVER (PARTITION BY a."cycleId", a."primeId", a."respondentOrgId") AS first_at
    FROM "Assessment" a JOIN cycles cy ON cy.id = a."cycleId"
    WHERE a.perspective = 'SUBCONTRACTOR' AND a.status = 'SUBMITTED'
      AND a."frameworkId" = $3 AND a."frameworkVersion" = $4 ${primeFilter}
  ),
  current AS (
    SELECT v.* FROM versions v
    WHERE NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = v.id AND c.status = 'SUBMITTED')
  )`;

const SELF = (primeFilter: string) => `
    SELECT 'self', a."cycleId", a."primeId", s.measure, NULL, s.score, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM "Assessment" a JOIN cycles cy ON cy.id = a."cycleId" JOIN "AssessmentScore" s ON s."assessmentId" = a.id
    WHERE a.perspective = 'PRIME' AND a.status = 'SUBMITTED' AND a."frameworkId" = $3 AND a."frameworkVersion" = $4
      ${primeFilter}
      AND NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = a.id AND c.status = 'SUBMITTED')`;

export interface Framework {
  id: string;
  version: string;
}

/** Every figure of a commissioner's programme report in one cycle (matched by name). */
export function programmeFigures(
  sql: Sql,
  {
    commissionerId,
    cycleName,
    framework,
    k,
  }: { commissionerId: string; cycleName: string; framework: Framework; k: number },
): Promise<FigureRow[]> {
  return sql.query<FigureRow>(
    `WITH cycles AS (
       SELECT cy.id, cy."contractId" FROM "Cycle" cy JOIN "Contract" co ON co.id = cy."contractId"
       WHERE co."commissionerId" = $1 AND cy.name = $2
     ),
     ${CURRENT("")}, ${FIGURES(String(k))}
     SELECT * FROM figures
     UNION ALL
     SELECT 'roster', cy.id, m."primeId", NULL, count(*)::int, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
     FROM "SupplyChainMember" m JOIN cycles cy ON cy."contractId" = m."contractId"
     WHERE m."canRate" GROUP BY cy.id, m."primeId"
     UNION ALL ${SELF("")}`,
    [commissionerId, cycleName, framework.id, framework.version],
  );
}

/**
 * Every figure of one prime's report on one contract: partners' figures in every cycle (the trend),
 * its own scores, its supply chain, and the notes partners shared with it in `cycleId`.
 */
export function primeFigures(
  sql: Sql,
  {
    contractId,
    primeId,
    cycleId,
    framework,
    k,
  }: { contractId: string; primeId: string; cycleId: string; framework: Framework; k: number },
): Promise<FigureRow[]> {
  const prime = `AND a."primeId" = $2`;
  return sql.query<FigureRow>(
    `WITH cycles AS (SELECT id, "contractId" FROM "Cycle" WHERE "contractId" = $1),
     ${CURRENT(prime)}, ${FIGURES(String(k))},
     released AS (
       SELECT c.*, row_number() OVER (PARTITION BY c."cycleId" ORDER BY c.first_at, c."respondentOrgId") AS pos,
              count(*) OVER (PARTITION BY c."cycleId") AS total
       FROM current c WHERE c."cycleId" = $5
     )
     SELECT * FROM figures
     UNION ALL
     SELECT 'chain', NULL, $2, key, n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
     FROM (
       SELECT count(*) FILTER (WHERE "canRate")::int AS roster,
              count(*) FILTER (WHERE "namedInBid")::int AS named,
              count(*) FILTER (WHERE "namedInBid" AND status = 'DELIVERING')::int AS "namedDelivering",
              count(*) FILTER (WHERE "namedInBid" AND status = 'NAMED_IN_BID')::int AS "namedNoWork",
              count(*) FILTER (WHERE status = 'DELIVERING')::int AS delivering,
              count(*) FILTER (WHERE status = 'EXITED')::int AS exited
       FROM "SupplyChainMember" WHERE "contractId" = $1 AND "primeId" = $2
     ) facts
     CROSS JOIN LATERAL (VALUES ('roster', roster), ('namedInBid', named), ('namedDelivering', "namedDelivering"),
       ('namedNoWork', "namedNoWork"), ('delivering', delivering), ('exited', exited)) AS v(key, n)
     UNION ALL ${SELF(prime)}
     UNION ALL
     SELECT 'note', r."cycleId", r."primeId", x."questionKey", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.evidence
     FROM released r JOIN "Answer" x ON x."assessmentId" = r.id
     WHERE r.pos <= (r.total / ${k}) * ${k} AND r."notesSharedWithPrime"
       AND x.evidence IS NOT NULL AND x.evidence <> ''`,
    [contractId, primeId, framework.id, framework.version, cycleId],
  );
}
