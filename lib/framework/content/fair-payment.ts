import {
  type PrincipleInput,
  type QuestionInput,
  type RedFlagInput,
  SCALE_SCORING,
  type ScoringInput,
  YES_PARTLY_NO_SCORING,
} from "./shared";

const PAID_LATE: RedFlagInput = {
  kind: "late-payment",
  label: "Paid more than 30 days after invoice",
  when: { above: 30 },
};

/** Faster payment scores higher; 30 days is the legal limit for public subcontracts. */
const DAYS_TO_PAY_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 10, score: 100 },
    { upTo: 30, score: 70 },
    { upTo: 60, score: 30 },
  ],
  otherwise: 0,
};

const FEE_TOO_HIGH: RedFlagInput = {
  kind: "unfair-fees",
  label: "Management fee above 20%",
  when: { above: 20 },
};

const FEE_NOT_EXPLAINED: RedFlagInput = {
  kind: "unfair-fees",
  label: "Management fee not explained or agreed",
  when: { anyOf: ["no"] },
};

/** A smaller fee scores higher; 7.5–20% is the usual range. */
const FEE_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 7.5, score: 100 },
    { upTo: 10, score: 85 },
    { upTo: 15, score: 65 },
    { upTo: 20, score: 40 },
  ],
  otherwise: 0,
};

const FEE_ANSWER: QuestionInput["answer"] = {
  type: "number",
  unit: "percent",
  min: 0,
  max: 100,
  integer: false,
};

const PAYMENT_METHODS: QuestionInput["answer"] = {
  type: "multiple",
  options: [
    { value: "up-front", label: "A payment before delivery starts" },
    { value: "in-advance", label: "Regular payments in advance" },
    { value: "fixed-interval", label: "Fixed payments at set intervals" },
    { value: "milestone", label: "Payments when agreed milestones are reached" },
    { value: "interim-results", label: "Payments for progress towards results" },
    { value: "results-only", label: "Payment only for final results" },
  ],
};

/** Each method other than payment only on final results adds 25, up to 100. */
const PAYMENT_METHODS_SCORING: ScoringInput = {
  rule: "checklist",
  scores: {
    "up-front": 25,
    "in-advance": 25,
    "fixed-interval": 25,
    milestone: 25,
    "interim-results": 25,
    "results-only": 0,
  },
};

export const fairPayment: PrincipleInput = {
  key: "fair-payment",
  title: "Paying fairly and on time",
  commitment:
    "Money moves through the supply chain fairly and openly. Partners are paid on time, and paid enough to deliver well and stay sustainable. Any fee the prime keeps is explained and agreed. Partners can choose from a range of ways of being paid that suit their size and reserves, so organisations of every type and size can take part.",
  draftCommitments: [
    "Finances should be managed fairly and openly in supply chains, so that all suppliers are paid enough to operate sustainably and a diverse range of organisations can work in public services.",
    "A range of payment mechanisms should be available in supply chains, designed to suit a range of organisations.",
  ],
  questions: [
    {
      key: "pay.days.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.days",
      text: "On average, how many days after you send an invoice does your prime pay you?",
      help: "The Procurement Act 2023 writes 30-day payment terms into public contracts and their subcontracts. The Fair Payment Code's gold standard is paying 95% of invoices within 30 days.",
      evidencePrompt: "What is your usual payment term? Has any payment been late in the last 6 months?",
      answer: { type: "number", unit: "days", min: 0, max: 365 },
      scoring: DAYS_TO_PAY_SCORING,
      weight: 2,
      redFlag: PAID_LATE,
    },
    {
      key: "pay.days.prime",
      perspective: "prime",
      pairKey: "pay.days",
      text: "On average, how many days after receiving a valid invoice do you pay your partners?",
      help: "The Procurement Act 2023 writes 30-day payment terms into public subcontracts. Partners say how long they actually wait.",
      evidencePrompt:
        "What is your usual payment term? Give your average days to pay from your last payment report.",
      answer: { type: "number", unit: "days", min: 0, max: 365 },
      scoring: DAYS_TO_PAY_SCORING,
      weight: 2,
      redFlag: PAID_LATE,
    },
    {
      key: "pay.fee.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.fee",
      text: "What percentage of your contract's value does your prime keep as a management fee?",
      help: "Management fees of 7.5% to 20% are common in public-service supply chains. A fee above 20% needs a clear reason.",
      evidencePrompt: "What does the fee pay for?",
      answer: FEE_ANSWER,
      scoring: FEE_SCORING,
      redFlag: FEE_TOO_HIGH,
    },
    {
      key: "pay.fee.prime",
      perspective: "prime",
      pairKey: "pay.fee",
      text: "What percentage of each subcontract's value do you usually keep as a management fee?",
      help: "Management fees of 7.5% to 20% are common in public-service supply chains. A fee above 20% needs a clear reason.",
      evidencePrompt: "If the fee varies, give the usual figure and the range.",
      answer: FEE_ANSWER,
      scoring: FEE_SCORING,
      redFlag: FEE_TOO_HIGH,
    },
    {
      key: "pay.fee-explained.sub",
      perspective: "subcontractor",
      pairKey: "pay.fee-explained",
      text: "Has your prime explained what its management fee pays for, and agreed the fee with you?",
      help: "The Merlin Standard asks that fees are explained, discussed and agreed openly. A fee with no stated reason is hard to challenge.",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
      redFlag: FEE_NOT_EXPLAINED,
    },
    {
      key: "pay.fee-explained.prime",
      perspective: "prime",
      pairKey: "pay.fee-explained",
      text: "Do you publish what your management fee pays for, and agree the fee with each partner?",
      help: "Lead providers in the skills sector must publish a fees and charges policy. The Merlin Standard asks that fees are explained, discussed and agreed.",
      evidencePrompt: "Where is your fees policy published?",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
      redFlag: FEE_NOT_EXPLAINED,
    },
    {
      key: "pay.full-cost.sub",
      perspective: "subcontractor",
      pairKey: "pay.full-cost",
      text: "What your prime pays you covers the full cost of delivering the service, including overheads.",
      help: "The Compact supports paying the full cost of delivery. Prices below cost force charities to fund public services from their own money.",
      evidencePrompt: "Roughly how far short of full cost is the price?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
    {
      key: "pay.full-cost.prime",
      perspective: "prime",
      pairKey: "pay.full-cost",
      text: "What we pay partners covers the full cost of delivering the service, including overheads.",
      help: "The Compact supports paying the full cost of delivery. Prices below cost force charities to fund public services from their own money.",
      evidencePrompt: "How do you work out the price you pay each partner?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
    {
      key: "pay.methods.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "pay.methods",
      text: "Which ways of being paid has your prime offered you?",
      help: "The draft code calls for a range of payment methods to suit different organisations. The National Audit Office lists up-front, milestone, fixed-interval and advance payments.",
      answer: PAYMENT_METHODS,
      scoring: PAYMENT_METHODS_SCORING,
    },
    {
      key: "pay.methods.prime",
      perspective: "prime",
      pairKey: "pay.methods",
      text: "Which ways of paying partners do you offer?",
      help: "The draft code calls for a range of payment methods to suit different organisations. The National Audit Office lists up-front, milestone, fixed-interval and advance payments.",
      evidencePrompt: "How many partners use each method?",
      answer: PAYMENT_METHODS,
      scoring: PAYMENT_METHODS_SCORING,
    },
    {
      key: "pay.method-choice.sub",
      perspective: "subcontractor",
      pairKey: "pay.method-choice",
      text: "To what extent was the way you are paid chosen with you, taking account of your size and reserves?",
      help: "A way of paying that suits a large company can sink a small charity. The draft code asks for payment methods designed to suit different organisations.",
      answer: { type: "scale", scale: "extent" },
      scoring: SCALE_SCORING,
    },
    {
      key: "pay.method-choice.prime",
      perspective: "prime",
      pairKey: "pay.method-choice",
      text: "To what extent do you agree each partner's payment method with them, taking account of their size and reserves?",
      help: "A way of paying that suits a large company can sink a small charity. The draft code asks for payment methods designed to suit different organisations.",
      answer: { type: "scale", scale: "extent" },
      scoring: SCALE_SCORING,
    },
  ],
};
