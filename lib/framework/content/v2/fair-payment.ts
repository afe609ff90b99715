import { fairPayment as v1 } from "../fair-payment";
import type { PrincipleInput, QuestionInput, RedFlagInput, ScoringInput } from "../shared";
import { FAIR_PAYMENT_CODE, PAYMENT_PRACTICES_REGULATIONS, PPN_015, PROCUREMENT_ACT_S73 } from "./sources";

/**
 * Version 2 of "Paying fairly and on time". Payment is measured as the law measures it (shares of
 * invoices by days to pay, and not within terms) instead of average days; the management fee is
 * judged on whether it is explained, agreed and proportionate, with its size only flagged; payment
 * methods on whether the partner has the one it needs and chose it with the prime.
 */

const SHARE: QuestionInput["answer"] = { type: "number", unit: "percent", min: 0, max: 100 };

/** 95% within 30 days is the Fair Payment Code's gold; every step below it scores less. */
const WITHIN_30_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 79, score: 0 },
    { upTo: 89, score: 30 },
    { upTo: 94, score: 60 },
  ],
  otherwise: 100,
};

const WITHIN_30_FLAG: RedFlagInput = {
  kind: "late-payment",
  label: "Fewer than 95% of invoices paid within 30 days",
  when: { below: 95 },
  basis: [PROCUREMENT_ACT_S73, FAIR_PAYMENT_CODE],
};

/** At most 5% after 60 days is the line for major public contracts; 5–10% passes with an action plan. */
const OVER_60_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 5, score: 100 },
    { upTo: 10, score: 50 },
    { upTo: 20, score: 20 },
  ],
  otherwise: 0,
};

const OVER_60_FLAG: RedFlagInput = {
  kind: "late-payment",
  label: "More than 5% of invoices paid after 60 days",
  when: { above: 5 },
  basis: [PPN_015],
};

const NOT_IN_TERMS_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 5, score: 100 },
    { upTo: 10, score: 50 },
    { upTo: 25, score: 20 },
  ],
  otherwise: 0,
};

const NOT_IN_TERMS_FLAG: RedFlagInput = {
  kind: "late-payment",
  label: "More than 5% of invoices not paid within agreed terms",
  when: { above: 5 },
  basis: [PROCUREMENT_ACT_S73, PAYMENT_PRACTICES_REGULATIONS],
};

/** The size of a fee is not scored; a fee over 20% still needs a clear reason, so it flags. */
const FEE_OVER_LEVEL: RedFlagInput = {
  kind: "unfair-fees",
  label: "Management fee above 20%",
  when: { above: 20 },
};

const FEE_TERMS: QuestionInput["answer"] = {
  type: "single",
  options: [
    { value: "no-fee", label: "No management fee is kept" },
    {
      value: "fair",
      label: "Explained, agreed with the partner, and in proportion to what it pays for",
    },
    { value: "out-of-proportion", label: "Explained and agreed, but more than what it pays for" },
    { value: "not-agreed", label: "Explained, but set without the partner's agreement" },
    { value: "not-explained", label: "Not explained: what it pays for is not known" },
  ],
  allowNotApplicable: false,
};

/** Explained, agreed and proportionate scores full marks whatever the fee's size. */
export const FEE_TERMS_SCORING: ScoringInput = {
  rule: "options",
  scores: { "no-fee": 100, fair: 100, "out-of-proportion": 50, "not-agreed": 25, "not-explained": 0 },
};

const FEE_NOT_EXPLAINED_OR_AGREED: RedFlagInput = {
  kind: "unfair-fees",
  label: "Management fee not explained or not agreed",
  when: { anyOf: ["not-agreed", "not-explained"] },
};

const METHOD_FIT: QuestionInput["answer"] = {
  type: "single",
  options: [
    { value: "chosen-together", label: "The way the partner needs, chosen with the prime" },
    { value: "suits-not-chosen", label: "It suits the partner, but the prime chose it alone" },
    { value: "needed-not-offered", label: "The way the partner needs was asked for and not offered" },
    { value: "does-not-suit", label: "It does not suit the partner, and nobody asked" },
  ],
  allowNotApplicable: false,
};

/** How many ways of paying are on offer does not matter: one that fits, chosen together, scores 100. */
export const METHOD_FIT_SCORING: ScoringInput = {
  rule: "options",
  scores: { "chosen-together": 100, "suits-not-chosen": 50, "needed-not-offered": 0, "does-not-suit": 0 },
};

const fullCost = v1.questions.filter((q) => q.pairKey === "pay.full-cost");
/** The same question as version 1, under the same key; only its scoring is gone. */
const feeSize = (perspective: "subcontractor" | "prime") => {
  const q = v1.questions.find((x) => x.pairKey === "pay.fee" && x.perspective === perspective);
  if (!q) throw new Error("version 1 has no fee question");
  const { scoring: _size, redFlag: _flag, ...rest } = q;
  return {
    ...rest,
    help: "The size of a fee is not scored: a 15% fee that pays for referrals, IT and training can be fairer than a 5% fee that pays for nothing. Fees of 7.5% to 20% are common; a fee above 20% is flagged because it needs a clear reason.",
    redFlag: FEE_OVER_LEVEL,
  } satisfies QuestionInput;
};

export const fairPaymentV2: PrincipleInput = {
  ...v1,
  commitment:
    "Money moves through the supply chain fairly and openly. Partners are paid within 30 days, as the law requires of public contracts, and paid enough to deliver well and stay sustainable. Any fee the prime keeps is explained, agreed and in proportion to what it pays for. Each partner is paid in the way that suits its size and reserves, chosen with it.",
  questions: [
    {
      key: "pay.within-30.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.within-30",
      text: "Of the invoices you sent your prime in the last 6 months, what percentage did it pay within 30 days?",
      help: "The Procurement Act 2023 writes a 30-day payment term into public subcontracts, and the Fair Payment Code's gold standard is 95% of invoices paid within 30 days. Shares of invoices show late payments that an average hides. If you do not know, tick Don't know.",
      evidencePrompt: "Which invoices were paid late, and by how long?",
      answer: SHARE,
      scoring: WITHIN_30_SCORING,
      weight: 2,
      redFlag: WITHIN_30_FLAG,
    },
    {
      key: "pay.within-30.prime",
      perspective: "prime",
      pairKey: "pay.within-30",
      text: "Of your partners' invoices on this contract in the last 6 months, what percentage did you pay within 30 days?",
      help: "The Procurement Act 2023 writes a 30-day payment term into public subcontracts. Large companies already publish this share for all their suppliers under the Payment Practices Reporting Regulations; here it is for your partners on this contract.",
      evidencePrompt: "Give the figure from your payment runs, and the period it covers.",
      answer: SHARE,
      scoring: WITHIN_30_SCORING,
      weight: 2,
      redFlag: WITHIN_30_FLAG,
    },
    {
      key: "pay.31-60.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.31-60",
      text: "What percentage of those invoices did it pay in 31 to 60 days?",
      help: `Not scored: with the shares paid within 30 days and after 60 days it completes the picture public payment reports give. ${PAYMENT_PRACTICES_REGULATIONS.text}`,
      answer: SHARE,
    },
    {
      key: "pay.31-60.prime",
      perspective: "prime",
      pairKey: "pay.31-60",
      text: "What percentage of those invoices did you pay in 31 to 60 days?",
      help: `Not scored: it completes the picture, as in your statutory payment practices report. ${PAYMENT_PRACTICES_REGULATIONS.text}`,
      answer: SHARE,
    },
    {
      key: "pay.over-60.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.over-60",
      text: "What percentage of those invoices did it pay more than 60 days after you sent them?",
      help: "Bidders for major public contracts must pay 95% of their supply chain's invoices within 60 days (PPN 015), so more than 5% after 60 days is flagged.",
      answer: SHARE,
      scoring: OVER_60_SCORING,
      redFlag: OVER_60_FLAG,
    },
    {
      key: "pay.over-60.prime",
      perspective: "prime",
      pairKey: "pay.over-60",
      text: "What percentage of those invoices did you pay more than 60 days after receiving them?",
      help: "Bidders for major public contracts must pay 95% of their supply chain's invoices within 60 days (PPN 015), so more than 5% after 60 days is flagged.",
      answer: SHARE,
      scoring: OVER_60_SCORING,
      redFlag: OVER_60_FLAG,
    },
    {
      key: "pay.not-in-terms.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.not-in-terms",
      text: "What percentage of those invoices were not paid within the terms agreed in your subcontract?",
      help: "Public payment reports give this share because a short term paid late is no better than a long one. The Procurement Act 2023 makes 30 days the longest term a public subcontract can have.",
      answer: SHARE,
      scoring: NOT_IN_TERMS_SCORING,
      redFlag: NOT_IN_TERMS_FLAG,
    },
    {
      key: "pay.not-in-terms.prime",
      perspective: "prime",
      pairKey: "pay.not-in-terms",
      text: "What percentage of those invoices did you not pay within the terms agreed with the partner?",
      help: "Public payment reports give this share because a short term paid late is no better than a long one. The Procurement Act 2023 makes 30 days the longest term a public subcontract can have.",
      answer: SHARE,
      scoring: NOT_IN_TERMS_SCORING,
      redFlag: NOT_IN_TERMS_FLAG,
    },
    feeSize("subcontractor"),
    feeSize("prime"),
    {
      key: "pay.fee-terms.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.fee-terms",
      text: "Which best describes the management fee your prime keeps?",
      help: "A fee is fair when you know what it pays for, you agreed it, and it is in proportion to that. A 15% fee that pays for referrals, IT and training, explained and agreed, scores 100; a 5% fee set without explanation scores 0. The Merlin Standard asks that fees are explained, discussed and agreed.",
      evidencePrompt: "What does the fee pay for?",
      answer: FEE_TERMS,
      scoring: FEE_TERMS_SCORING,
      redFlag: FEE_NOT_EXPLAINED_OR_AGREED,
    },
    {
      key: "pay.fee-terms.prime",
      perspective: "prime",
      pairKey: "pay.fee-terms",
      text: "Which best describes the management fee you keep from partners on this contract?",
      help: "A fee is fair when the partner knows what it pays for, agreed it, and it is in proportion to that. A 15% fee that pays for referrals, IT and training, explained and agreed, scores 100; a 5% fee set without explanation scores 0.",
      evidencePrompt: "Where is your fees policy published?",
      answer: FEE_TERMS,
      scoring: FEE_TERMS_SCORING,
      redFlag: FEE_NOT_EXPLAINED_OR_AGREED,
    },
    ...fullCost,
    {
      key: "pay.method-fit.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.method-fit",
      text: "Which best describes the way your prime pays you?",
      help: "What matters is having the way of being paid you need, chosen with your prime, not how many ways are on offer. A small charity paid a fixed monthly sum in advance, agreed with its prime, scores 100 even if that is the only way offered; a prime offering five ways, none of which suits you, scores 0.",
      answer: METHOD_FIT,
      scoring: METHOD_FIT_SCORING,
    },
    {
      key: "pay.method-fit.prime",
      perspective: "prime",
      pairKey: "pay.method-fit",
      text: "Which best describes how your partners on this contract are paid?",
      help: "What matters is that each partner has the way of being paid it needs, chosen with you, not how many ways you offer. A fixed monthly sum in advance, agreed with a small charity, scores 100 even if it is the only way offered.",
      evidencePrompt: "How many partners use each way of being paid?",
      answer: METHOD_FIT,
      scoring: METHOD_FIT_SCORING,
    },
  ],
};
