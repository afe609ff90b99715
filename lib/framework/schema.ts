import { z } from "zod";
import { PRINCIPLE_KEYS } from "./constants";

export * from "./constants";

/**
 * The shape of a framework: the code of practice as data. Everything the questionnaire shows,
 * everything scoring computes and everything the "How scoring works" page explains comes from
 * one object of this shape, checked by `parseFramework` when it is loaded.
 */

export const PERSPECTIVES = ["subcontractor", "prime"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

const key = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "must be lower-case letters, digits, dots and hyphens");
const text = z.string().trim().min(1, "must not be empty");
const score = z.number().min(0, "scores run from 0 to 100").max(100, "scores run from 0 to 100");

const option = z.object({ value: key, label: text });

export const UNITS = ["days", "percent", "count", "gbp"] as const;
export type Unit = (typeof UNITS)[number];

const nonAnswers = {
  /** Offer "Don't know" beside the answers. */
  allowDontKnow: z.boolean().default(true),
  /** Offer "Not applicable" beside the answers. */
  allowNotApplicable: z.boolean().default(true),
};

const answerSpec = z.discriminatedUnion("type", [
  z.object({ type: z.literal("scale"), scale: z.enum(["agreement", "extent"]), ...nonAnswers }),
  z.object({ type: z.literal("yes-partly-no"), ...nonAnswers }),
  z.object({
    type: z.literal("number"),
    unit: z.enum(UNITS),
    min: z.number(),
    max: z.number(),
    integer: z.boolean().default(true),
    ...nonAnswers,
  }),
  z.object({
    type: z.literal("single"),
    options: z.array(option).min(2, "needs at least 2 options"),
    ...nonAnswers,
  }),
  z.object({
    type: z.literal("multiple"),
    options: z.array(option).min(2, "needs at least 2 options"),
    ...nonAnswers,
  }),
]);
export type AnswerSpec = z.infer<typeof answerSpec>;

/**
 * How a scored question turns an answer into 0–100.
 * - `scale`: the options of a fixed scale spread evenly from 0 (first) to 100 (last); `reverse` flips it.
 * - `options`: each option's score is written out (single choice, or yes/partly/no).
 * - `thresholds`: for numbers; the first step whose `upTo` is at least the answer gives the score,
 *   anything above the last step gets `otherwise`. Steps must rise in `upTo`.
 * - `checklist`: for multiple choice; the sum of the chosen options' scores, capped at 100.
 */
const scoringRule = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("scale"), reverse: z.boolean().default(false) }),
  z.object({ rule: z.literal("options"), scores: z.record(z.string(), score) }),
  z.object({
    rule: z.literal("thresholds"),
    steps: z.array(z.object({ upTo: z.number(), score })).min(1, "needs at least one step"),
    otherwise: score,
  }),
  z.object({ rule: z.literal("checklist"), scores: z.record(z.string(), score) }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

/** The red flags the product reports, separately from scores. */
export const FLAG_KINDS = [
  "late-payment",
  "bid-candy",
  "risk-passed-down",
  "unfair-fees",
  "no-data-sharing",
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** When an answer raises its question's red flag. */
const flagCondition = z.union([
  z.object({ above: z.number() }).strict(),
  z.object({ below: z.number() }).strict(),
  z.object({ anyOf: z.array(key).min(1) }).strict(),
]);
export type FlagCondition = z.infer<typeof flagCondition>;

/** A public rule a flag's line is taken from, and where it is written. */
const lineSource = z.object({ text, url: z.url() });

const redFlag = z.object({
  kind: z.enum(FLAG_KINDS),
  /** What the flag says when raised, in plain words ("Paid more than 30 days after invoice"). */
  label: text,
  when: flagCondition,
  /** Where the law or a public code sets the line the flag follows (version 2 onwards). */
  basis: z.array(lineSource).min(1).optional(),
});
export type RedFlag = z.infer<typeof redFlag>;

const question = z.object({
  key,
  perspective: z.enum(PERSPECTIVES),
  /** Shared by the subcontractor's and the prime's question about the same commitment. */
  pairKey: key.optional(),
  text,
  /** Why the question matters; shown under the question. */
  help: text,
  answer: answerSpec,
  /** Absent for questions that give context but no score. */
  scoring: scoringRule.optional(),
  weight: z.number().positive("weight must be more than 0").default(1),
  /** An indicator question: the threshold beyond which a red flag is raised. */
  redFlag: redFlag.optional(),
  /**
   * A partner's question about a fact the prime sets or records for that partner (its fee, its
   * payment days to it): partners' figures for it are released to readers other than the prime
   * only (docs/decisions/0011, "Facts the prime sets per partner").
   */
  primeKnown: z.boolean().default(false),
  /** Optional prompt for the free-text evidence note every question offers. */
  evidencePrompt: text.optional(),
});
export type Question = z.infer<typeof question>;

const principle = z.object({
  key: z.enum(PRINCIPLE_KEYS),
  title: text,
  /** The commitment in plain words, folding in the draft code's eight commitments. */
  commitment: text,
  /** Which of the draft code's commitments this principle carries, quoted or paraphrased. */
  draftCommitments: z.array(text).min(1),
  weight: z.number().positive("weight must be more than 0").default(1),
  questions: z.array(question),
});
export type Principle = z.infer<typeof principle>;

/** The columns of the government's payment practices reports a prime's answers can be set beside. */
export const STATUTORY_PAYMENT_FIGURES = [
  "averageDaysToPay",
  "paidWithin30Days",
  "paidIn31To60Days",
  "paidAfter60Days",
  "notPaidWithinTerms",
] as const;
export type StatutoryPaymentFigure = (typeof STATUTORY_PAYMENT_FIGURES)[number];

/**
 * How a prime's report sets its payment record side by side (issue 16): each paired payment
 * question beside the statutory report's column that measures the same thing, and how far apart
 * the three sources may be before the report says they disagree.
 */
const paymentRecord = z.object({
  measures: z
    .array(z.object({ pairKey: key, statutory: z.enum(STATUTORY_PAYMENT_FIGURES) }))
    .min(1, "needs at least one measure"),
  /** The statutory figure and the prime's own answer, in the questions' unit (days, or percentage points). */
  margin: z.number().positive("margin must be more than 0"),
  /** Partners' released mean score and the score the other two figures get under the same rule, 0–100. */
  scoreMargin: z.number().positive("margin must be more than 0").max(100),
});
export type PaymentRecordRule = z.infer<typeof paymentRecord>;

export const frameworkSchema = z.object({
  id: key,
  version: z.string().regex(/^\d+\.\d+$/, 'must look like "1.0"'),
  title: text,
  source: z.object({ title: text, publisher: text, url: z.url(), note: text }),
  /**
   * The floor under every programme's release thresholds (docs/decisions/0011): no released figure
   * rests on fewer partner organisations. Never below 3.
   */
  minPartners: z.number().int().min(3, "anonymity threshold must be at least 3").default(3),
  principles: z.array(principle).length(5, "must have exactly 5 principles"),
  /**
   * The order a questionnaire shows each question's answers in. `as-shipped` (version 1): fixed
   * scales worst first, yes/partly/no with "Yes" first, choices as listed. `best-first` (version 2
   * onwards, docs/decisions/0020): every scored question's answers from the best-scoring to the
   * worst. Display only: scores never depend on it.
   */
  answerOrder: z.enum(["as-shipped", "best-first"]).default("as-shipped"),
  /** Absent: reports set no payment answers beside the statutory reports. */
  paymentRecord: paymentRecord.optional(),
});
export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
