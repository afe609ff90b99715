import { formatDate } from "@/lib/format";
import { MIN_THRESHOLD } from "@/lib/scoring/release";

/**
 * What a partner is told about who sees its answers (docs/decisions/0011, "What the partner's start
 * page says"), worked out from the programme's own thresholds and the round's close date. The start
 * page, the invitation page and email, the check and confirmation pages and the privacy notice all
 * take their words from here, so none of them can promise what the release rules do not do.
 */

export interface Programme {
  prime: string;
  commissioner: string;
  /** The programme's score threshold k: the fewest partner organisations a figure combines. */
  scoreThreshold: number;
  /** The category threshold: the fewest partners on each side of a published count. */
  categoryThreshold: number;
  /** When the round closes; null when no round is open. */
  closesAt: Date | null;
}

export interface Paragraph {
  /** A few words in bold at the start, or none. */
  lead?: string;
  text: string;
}

/** The thresholds a release applies: never below the floor the framework and the rules set. */
export function appliedThresholds(
  programme: { scoreThreshold: number; categoryThreshold: number },
  frameworkMinimum: number,
): { score: number; category: number } {
  const floor = Math.max(MIN_THRESHOLD, frameworkMinimum);
  return {
    score: Math.max(programme.scoreThreshold, floor),
    category: Math.max(programme.categoryThreshold, floor),
  };
}

export const WHO_SEES_HEADING = "Who will see your answers";

/** The partner's "Who will see your answers", paragraph by paragraph. */
export function whoSeesYourAnswers(p: Programme): Paragraph[] {
  const k = p.scoreThreshold;
  const round = p.closesAt ? `until the round closes on ${formatDate(p.closesAt)}` : "until the round closes";
  return [
    {
      text:
        `${p.prime} will never see your answers, and never be told whether you answered. It and the ` +
        `commissioner see only figures that combine the answers of at least ${k} partner organisations, and ` +
        "only once the round has closed: the figures are worked out once, then, and never change.",
    },
    {
      text:
        `Where ${p.prime}'s supply chain on this contract is small, your answers are combined with its other ` +
        `partners on its contracts with ${p.commissioner}, or across the country. A figure is left out if ` +
        `comparing it with another figure would show the answers of fewer than ${k} organisations, so taking ` +
        "one figure away from another never narrows down to you. A count of partners raising a concern is " +
        `shown only when at least ${p.categoryThreshold} partners raise it and at least ${p.categoryThreshold} do not.`,
    },
    {
      lead: "What this protects you from.",
      text:
        `${p.prime} comparing figures from before and after you answered, comparing this contract with all its ` +
        "contracts, or asking a friendly partner to answer first and change its answers later.",
    },
    {
      lead: "What it cannot protect you from.",
      text:
        `If ${p.prime} controls ${k - 1} of the ${k} organisations in a figure (for example partners it owns, ` +
        "or partners who tell it how they answered), it can work out the last one's answers. If every partner " +
        "gives the same answer, a figure shows that everyone did. If the other partners answer exactly as they " +
        "did last year, a change in the figures can hint at what a partner who joined or left said. " +
        `${p.prime} can see how many partners have answered so far.`,
    },
    {
      text:
        `Your answers about things ${p.prime} already knows about you — how quickly it pays you, the fee it ` +
        "keeps, how much is paid only on results, how you are paid, whether it named you in its bid and sent " +
        "you work, how often it shares data with you — are shown only to the commissioner, never to " +
        `${p.prime}.`,
    },
    {
      text: `You can correct your answers ${round}. After that, a change of view goes into the next round.`,
    },
  ];
}

/** The same, as plain text paragraphs (emails). */
export function whoSeesYourAnswersText(p: Programme): string[] {
  return whoSeesYourAnswers(p).map((para) => (para.lead ? `${para.lead} ${para.text}` : para.text));
}

/**
 * Who reads a partner's notes, in the one sentence the start page and the submit page both show.
 * Notes are shown only with a released scope's figures, from the ratings it rests on
 * (lib/services/releases.ts, `releasedNotes`).
 */
export function whoReadsNotes(p: Pick<Programme, "prime" | "scoreThreshold">): string {
  return (
    "Notes you add are shown without your organisation's name, together with other partners' notes, only " +
    `with figures published after the round closes that combine at least ${p.scoreThreshold} partner ` +
    `organisations: always to the commissioner, and to ${p.prime} only if you tick “Let ${p.prime} read my ` +
    "notes” when you send your answers. Your own words can still point to you, so write what you would be " +
    `content for ${p.prime} to read.`
  );
}

/** For the privacy notice, which speaks of every programme at once. */
export function whoSeesRatings(defaults: { score: number }): string {
  return (
    "Your organisation. A prime contractor and the commissioner see partners' ratings only combined, in " +
    "figures published once a round has closed, each combining at least the programme's threshold of " +
    `partner organisations (${defaults.score} unless the commissioner sets another, never fewer than ` +
    `${MIN_THRESHOLD}); answers about things the prime already knows about a partner are shown only to the ` +
    "commissioner. The commissioner sees a prime's self-assessment."
  );
}

/** A contract's commissioner as the services read it: its name and its programme's thresholds. */
export interface CommissionerRow {
  name: string;
  releaseScoreThreshold: number;
  releaseCategoryThreshold: number;
}

export const commissionerProgrammeSelect = {
  name: true,
  releaseScoreThreshold: true,
  releaseCategoryThreshold: true,
} as const;

/** The programme a partner answers in, from its contract's commissioner and the open round. */
export function programmeFor(input: {
  prime: string;
  commissioner: CommissionerRow;
  closesAt: Date | null;
  frameworkMinimum: number;
}): Programme {
  const applied = appliedThresholds(
    {
      scoreThreshold: input.commissioner.releaseScoreThreshold,
      categoryThreshold: input.commissioner.releaseCategoryThreshold,
    },
    input.frameworkMinimum,
  );
  return {
    prime: input.prime,
    commissioner: input.commissioner.name,
    scoreThreshold: applied.score,
    categoryThreshold: applied.category,
    closesAt: input.closesAt,
  };
}
