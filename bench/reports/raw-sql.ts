import { PRIME_KNOWN_QUESTIONS } from "@/lib/scoring/release";
import type { Sql } from "../seed/sql";

/**
 * The floor a report is measured against: one hand-written statement that yields every figure the
 * report shows (partners' released figures, response counts, rosters, the prime's own scores),
 * straight from the driver with no ORM, no access checks and no shaping. Partners' figures are read
 * from the stored releases (ADR 0011) as the report's reader may read them: the programme's
 * commissioner reads each contract scope's means for its view; the prime reads its contract scope's
 * figures for everyone and the means of its own view.
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
 * Partners' released figures for each cycle in `cycles` (its contract scope in the cycle's period)
 * and prime, and how many answered. `view` is the reader's: PRIME reads only figures for everyone.
 * Means are rounded once from whole tenths, halves away from zero, as lib/scoring rounds.
 */
const FIGURES = (view: "PRIME" | "COMMISSIONER", withFigures: boolean) => `
  scopes AS (
    SELECT cy.id AS "cycleId", s.id, s."primeId"
    FROM cycles cy JOIN "ReleaseScope" s
      ON s.level = 'CONTRACT' AND s."contractId" = cy."contractId" AND s.period = cy.name
    WHERE s."primeId" IN (SELECT DISTINCT "primeId" FROM current)
  ),
  stored AS (
    SELECT sc."cycleId", sc."primeId", f.family, f.key, f.ratings, f."totalTenths", f.raised,
           f."medianTenths", f.strong, f.good, f.developing, f.concern
    FROM scopes sc JOIN "ReleaseFigure" f ON f."scopeId" = sc.id
    WHERE ${withFigures ? "TRUE" : "FALSE"} ${view === "PRIME" ? `AND f.audience = 'ALL'` : ""}
  ),
  figures AS (
    SELECT 'measure' AS kind, sc."cycleId", sc."primeId", m.measure AS key, sp.ratings AS n,
           m."meanTenths" / 10.0::float8 AS mean, sp."medianTenths" / 10.0::float8 AS median,
           sp.strong, sp.good, sp.developing, sp.concern,
           NULL::int AS flagged, NULL::float8 AS share, NULL::text AS text
    FROM scopes sc JOIN "ReleaseMean" m ON m."scopeId" = sc.id AND m.view = '${view}'
    LEFT JOIN stored sp ON sp.family = 'SPREAD' AND sp."cycleId" = sc."cycleId" AND sp."primeId" = sc."primeId"
                       AND sp.key = m.measure
    UNION ALL
    SELECT 'question', coalesce(q."cycleId", fl."cycleId"), coalesce(q."primeId", fl."primeId"),
           coalesce(q.key, fl.key), coalesce(q.ratings, fl.ratings),
           round(q."totalTenths"::numeric / (10 * q.ratings), 1)::float8,
           NULL, NULL, NULL, NULL, NULL,
           coalesce(fl.raised, 0),
           coalesce(round(fl.raised * 100::numeric / fl.ratings, 1)::float8, 0), NULL
    FROM (SELECT * FROM stored WHERE family = 'QUESTION') q
    FULL JOIN (SELECT * FROM stored WHERE family = 'FLAG') fl
      ON fl."cycleId" = q."cycleId" AND fl."primeId" = q."primeId" AND fl.key = q.key
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
  }: { commissionerId: string; cycleName: string; framework: Framework },
): Promise<FigureRow[]> {
  return sql.query<FigureRow>(
    `WITH cycles AS (
       SELECT cy.id, cy."contractId", cy.name FROM "Cycle" cy JOIN "Contract" co ON co.id = cy."contractId"
       WHERE co."commissionerId" = $1 AND cy.name = $2
     ),
     ${CURRENT("")}, ${FIGURES("COMMISSIONER", false)}
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
  }: { contractId: string; primeId: string; cycleId: string; framework: Framework },
): Promise<FigureRow[]> {
  const prime = `AND a."primeId" = $2`;
  return sql.query<FigureRow>(
    `WITH cycles AS (SELECT id, "contractId", name FROM "Cycle" WHERE "contractId" = $1),
     ${CURRENT(prime)}, ${FIGURES("PRIME", true)}
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
     SELECT 'note', sc."cycleId", sc."primeId", x."questionKey", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.evidence
     FROM scopes sc JOIN "ReleaseScopeRating" m ON m."scopeId" = sc.id
     JOIN "Assessment" a ON a.id = m."assessmentId" JOIN "Answer" x ON x."assessmentId" = a.id
     WHERE sc."cycleId" = $5 AND a."notesSharedWithPrime" AND x.evidence IS NOT NULL AND x.evidence <> ''
       AND x."questionKey" <> ALL($6::text[])`,
    // The prime reads no note about a fact it sets per partner.
    [contractId, primeId, framework.id, framework.version, cycleId, [...PRIME_KNOWN_QUESTIONS]],
  );
}
