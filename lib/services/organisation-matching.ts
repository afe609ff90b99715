import "server-only";
import { randomBytes } from "node:crypto";
import { RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SizeBand, OrganisationType as Type } from "@/lib/generated/prisma/enums";
import { formatIdentifier, type OrganisationIdentifier } from "@/lib/organisations/identifiers";
import { matchName } from "@/lib/organisations/names";

/**
 * Who an organisation named in a form or a published notice is: the one home of the matching rule
 * (docs/decisions/0012-organisation-identities.md). A register's identifier settles it; without
 * one, the name as `matchName` writes it, unless that organisation has another number in the same
 * register (then they are two firms that share a name).
 */

export interface OrganisationToFind {
  name: string;
  type: Type;
  identifiers?: readonly OrganisationIdentifier[];
  sizeBand?: SizeBand | null;
  sector?: "VCSE" | "SME" | null;
}

export interface FoundOrganisation {
  id: string;
  /** How it was found: by a register's number, by its name, or made new. */
  how: "identifier" | "name" | "created";
  /** What a person should know: a match by name, or a name shared with another firm. */
  note: string | null;
  /** Made new although one already on Chainwise has its name: offered to a person to decide. */
  likely?: { id: string; name: string };
}

export interface MatchingOptions {
  /**
   * Organisations made before this time are matched on their name only by a person: a supplier
   * that only its name ties to one is made new, and the match offered (`likely`) rather than
   * taken. Those made since (earlier in the same file) are taken by name, as the parser takes two
   * spellings in one notice. Without it (a commissioner's own form) a name is taken, and noted.
   */
  offerNameMatchesMadeBefore?: Date;
  /**
   * The commissioner whose answers to likely matches are remembered (likely-matches.ts): a name it
   * said is not an organisation already there is taken to be the one its import made, and a name
   * it said is that organisation is taken to be it, so neither is asked again.
   */
  answersOf?: string;
  /**
   * For a demo organisation (Organisation.demo): only demo organisations are found, and any made
   * are demo ones, so a demo never reaches or makes a real one. Without it, demo ones are never
   * found. A number held on the other side is not recorded again (one number, one organisation).
   */
  demo?: boolean;
}

const TYPE_WORDS: Record<Type, string> = {
  COMMISSIONER: "a commissioner",
  PRIME: "a prime",
  SUBCONTRACTOR: "a partner",
};

/** One organisation; a RuleError when its number belongs to another type of organisation. */
export async function findOrCreateOrganisation(
  tx: Prisma.TransactionClient,
  input: OrganisationToFind,
  options: MatchingOptions = {},
): Promise<FoundOrganisation> {
  const { found, problem } = await findOrCreateOrganisations(tx, [input], options);
  if (problem) throw problem;
  return found[0] as FoundOrganisation;
}

/** Whether the acting organisation is a demo one, whose forms and imports name demo organisations only. */
export async function isDemoOrganisation(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  const organisation = await tx.organisation.findUnique({ where: { id }, select: { demo: true } });
  return organisation?.demo ?? false;
}

/**
 * Many organisations found or made at once: the same answers, in the same order, as finding each
 * in turn, from two reads for the lot (their identifiers, their names) and two writes (new
 * organisations, new identifiers). An import's suppliers went one at a time, about five statements
 * each (issue 14: 100 suppliers a second); a contract's suppliers are now a handful of statements
 * whatever their number. Stops at the first organisation that is refused (its number belongs to
 * another type of organisation), as finding them in turn would: what was decided before it is
 * written and returned with the refusal.
 */
export async function findOrCreateOrganisations(
  tx: Prisma.TransactionClient,
  inputs: readonly OrganisationToFind[],
  { offerNameMatchesMadeBefore: before, answersOf, demo = false }: MatchingOptions = {},
): Promise<{ found: FoundOrganisation[]; problem: RuleError | null }> {
  const known = await readKnown(tx, inputs, demo);
  const answers = answersOf && before ? await readAnswers(tx, answersOf, known.byName) : NO_ANSWERS;
  const newOrganisations: Prisma.OrganisationCreateManyInput[] = [];
  const newIdentifiers: Prisma.OrganisationIdentifierCreateManyInput[] = [];
  const found: FoundOrganisation[] = [];
  let problem: RuleError | null = null;

  /** Records numbers the organisation does not hold yet; one it holds in the same register stays. */
  const addIdentifiers = (organisation: Known, identifiers: readonly OrganisationIdentifier[]) => {
    for (const identifier of identifiers) {
      const taken =
        known.byIdentifier.has(key(identifier)) ||
        known.elsewhere.has(key(identifier)) ||
        organisation.identifiers.some((held) => held.scheme === identifier.scheme);
      if (taken) continue;
      hold(organisation, identifier);
      newIdentifiers.push({
        organisationId: organisation.id,
        scheme: identifier.scheme,
        value: identifier.id,
      });
    }
  };
  const hold = (organisation: Known, identifier: OrganisationIdentifier) => {
    organisation.identifiers.push({ scheme: identifier.scheme, value: identifier.id });
    known.byIdentifier.set(key(identifier), organisation);
  };

  for (const input of inputs) {
    const identifiers = input.identifiers ?? [];
    const byNumber = identifiers.map((i) => known.byIdentifier.get(key(i))).find(Boolean);
    if (byNumber) {
      if (byNumber.type !== input.type) {
        const identifier = identifiers.find((i) => known.byIdentifier.get(key(i)) === byNumber);
        problem = new RuleError(
          `${formatIdentifier(identifier as OrganisationIdentifier)} is ${byNumber.name}, which is on Chainwise as ${TYPE_WORDS[byNumber.type]}, not ${TYPE_WORDS[input.type]}.`,
        );
        break;
      }
      addIdentifiers(byNumber, identifiers);
      found.push({ id: byNumber.id, how: "identifier", note: null });
      continue;
    }

    const nameKey = matchName(input.name);
    const sameName = known.byName.get(`${input.type}|${nameKey}`) ?? [];
    // Another number in a register this one is in: a different firm with the same name.
    const sameFirm = sameName.filter(
      (org) =>
        !org.identifiers.some((held) =>
          identifiers.some((given) => given.scheme === held.scheme && given.id !== held.value),
        ),
    );
    // The commissioner's earlier answer: one it said this name is not is no candidate, and the
    // one it said the name is (the one its import made, or the one already there) is taken.
    const candidates = sameFirm.filter((org) => !answers.apart.has(org.id));
    const answered = [
      ...new Set(candidates.filter((org) => answers.is.get(org.id)?.has(nameKey)).map((org) => org.id)),
    ];
    // With `before`: one made since (earlier in this file) is taken by name; one made before only
    // offered (ADR 0028), since identifiers do not confirm it; the first made is offered.
    const sinceFile = before
      ? answered.length === 1
        ? candidates.filter((org) => org.id === answered[0])
        : // Strictly after: a record made in the same millisecond the import started (createdAt is
          // read to the millisecond) was there before it, and must be offered, not taken.
          candidates.filter((org) => org.createdAt === null || org.createdAt > before)
      : candidates;
    const offered = before && sinceFile.length === 0 ? candidates[0] : undefined;
    const [only] = sinceFile;
    if (only && sinceFile.length === 1) {
      addIdentifiers(only, identifiers);
      found.push({
        id: only.id,
        how: "name",
        note:
          only.name === input.name
            ? null
            : `Taken to be ${only.name}, already on Chainwise, by its name. If they are different organisations, add each one's registered number.`,
      });
      continue;
    }

    const created: Known = {
      id: newId(),
      name: input.name,
      type: input.type,
      identifiers: [],
      createdAt: null,
    };
    newOrganisations.push({
      id: created.id,
      name: input.name,
      matchName: nameKey,
      type: input.type,
      demo,
      sizeBand: input.sizeBand ?? null,
      sector: input.sector ?? null,
    });
    for (const identifier of identifiers) {
      if (known.elsewhere.has(key(identifier))) continue;
      hold(created, identifier);
      newIdentifiers.push({ organisationId: created.id, scheme: identifier.scheme, value: identifier.id });
    }
    known.byName.set(`${input.type}|${nameKey}`, [...sameName, created]);
    if (offered) {
      found.push({
        id: created.id,
        how: "created",
        note: null,
        likely: { id: offered.id, name: offered.name },
      });
      continue;
    }
    const note =
      sameName.length > 0
        ? `${sameName.length === 1 ? "Another organisation is" : `${sameName.length} other organisations are`} called ${input.name} on Chainwise${candidates.length > 1 ? "; which one was meant is not clear, so a new one was made" : " with a different registered number"}.`
        : null;
    found.push({ id: created.id, how: "created", note });
  }

  if (newOrganisations.length > 0) await tx.organisation.createMany({ data: newOrganisations });
  if (newIdentifiers.length > 0) await tx.organisationIdentifier.createMany({ data: newIdentifiers });
  return { found, problem };
}

interface Known {
  id: string;
  name: string;
  type: Type;
  identifiers: { scheme: string; value: string }[];
  /** Null for one made in this call. */
  createdAt: Date | null;
}

const key = (identifier: OrganisationIdentifier) => `${identifier.scheme}|${identifier.id}`;

const knownSelect = {
  id: true,
  name: true,
  type: true,
  createdAt: true,
  identifiers: { select: { scheme: true, value: true } },
} satisfies Prisma.OrganisationSelect;

/**
 * Every organisation the inputs could be, by a number they give or by their names, in one read
 * each: demo ones for a demo, real ones otherwise. A number held on the other side is `elsewhere`:
 * never found by, and never recorded again (one number, one organisation).
 */
async function readKnown(tx: Prisma.TransactionClient, inputs: readonly OrganisationToFind[], demo: boolean) {
  const identifiers = inputs.flatMap((input) => input.identifiers ?? []);
  const held =
    identifiers.length === 0
      ? []
      : await tx.organisationIdentifier.findMany({
          where: { value: { in: [...new Set(identifiers.map((i) => i.id))] } },
          select: { scheme: true, value: true, organisation: { select: { ...knownSelect, demo: true } } },
        });
  const byIdentifier = new Map<string, Known>();
  const elsewhere = new Set<string>();
  const same = new Map<string, Known>();
  // One object per organisation, however it was found, so a number added to it is seen both ways.
  const one = (org: Known) => {
    const seen = same.get(org.id);
    if (seen) return seen;
    same.set(org.id, org);
    return org;
  };
  for (const { scheme, value, organisation } of held) {
    const { demo: itsDemo, ...org } = organisation;
    if (itsDemo === demo) byIdentifier.set(key({ scheme, id: value }), one(org));
    else elsewhere.add(key({ scheme, id: value }));
  }

  const named = await tx.organisation.findMany({
    where: {
      demo,
      type: { in: [...new Set(inputs.map((input) => input.type))] },
      matchName: { in: [...new Set(inputs.map((input) => matchName(input.name)))] },
    },
    select: { ...knownSelect, matchName: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byName = new Map<string, Known[]>();
  for (const { matchName: nameKey, ...org } of named) {
    const list = byName.get(`${org.type}|${nameKey}`) ?? [];
    list.push(one(org));
    byName.set(`${org.type}|${nameKey}`, list);
  }
  return { byIdentifier, byName, elsewhere };
}

interface Answers {
  /** Organisations the commissioner said a name is not. */
  apart: Set<string>;
  /** Organisations the commissioner said a name (as `matchName` writes it) is. */
  is: Map<string, Set<string>>;
}

const NO_ANSWERS: Answers = { apart: new Set(), is: new Map() };

/** The commissioner's decided likely matches among organisations found by name (ADR 0028). */
async function readAnswers(
  tx: Prisma.TransactionClient,
  commissionerId: string,
  byName: Map<string, Known[]>,
): Promise<Answers> {
  const ids = [...new Set([...byName.values()].flat().map((org) => org.id))];
  if (ids.length === 0) return NO_ANSWERS;
  const rows = await tx.likelyMatch.findMany({
    where: { commissionerId, decision: { not: null }, existingId: { in: ids } },
    select: { decision: true, supplierName: true, madeId: true, existingId: true },
  });
  const answers: Answers = { apart: new Set(), is: new Map() };
  const is = (id: string, name: string) =>
    answers.is.set(id, (answers.is.get(id) ?? new Set()).add(matchName(name)));
  for (const row of rows) {
    if (!row.existingId) continue;
    if (row.decision === "SAME") is(row.existingId, row.supplierName);
    else if (row.madeId) {
      answers.apart.add(row.existingId);
      is(row.madeId, row.supplierName);
    }
  }
  return answers;
}

/** An id of the same form as the schema's cuid() ones ("c" and 24 base-36 characters), made here so
 * that one insert can write many organisations and their identifiers can name them. */
function newId(): string {
  const bytes = randomBytes(24);
  let id = "c";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}
