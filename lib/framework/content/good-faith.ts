import {
  type PrincipleInput,
  type RedFlagInput,
  SCALE_SCORING,
  type ScoringInput,
  YES_PARTLY_NO_SCORING,
} from "./shared";

const BID_CANDY_LABEL = "Named in the bid or given a contract, but given no work";

/** Getting closer to the forecast scores higher; going over it is not penalised. */
const REFERRALS_SCORING: ScoringInput = {
  rule: "thresholds",
  steps: [
    { upTo: 24, score: 0 },
    { upTo: 49, score: 25 },
    { upTo: 74, score: 50 },
    { upTo: 89, score: 75 },
  ],
  otherwise: 100,
};

const BID_CANDY_SUB: RedFlagInput = {
  kind: "bid-candy",
  label: BID_CANDY_LABEL,
  when: { anyOf: ["named-no-contract", "contracted-no-work"] },
};

/** Any named partner left without a contract or work (other than by choice) is bid candy. */
const BID_CANDY_PRIME: RedFlagInput = {
  kind: "bid-candy",
  label: BID_CANDY_LABEL,
  when: { below: 100 },
};

export const goodFaith: PrincipleInput = {
  key: "good-faith",
  title: "Negotiating in good faith",
  commitment:
    "The prime negotiates openly, fairly and in good faith. It names an organisation in a bid only when it sincerely expects that organisation to deliver. It agrees volumes, money and targets before work starts, and talks openly when things change. Partners can challenge its decisions and speak up without fear.",
  draftCommitments: [
    "Contract negotiations should be fair, open and in good faith. Organisations should be named in a supply chain only when there is a sincere and realistic expectation that they will actually deliver a service.",
  ],
  questions: [
    {
      key: "faith.bid-candy.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "faith.bid-candy",
      text: "Which best describes your involvement since the contract started?",
      help: "Naming charities in a bid to help win it, then giving them no work, is known as 'bid candy'. The final code says primes are obliged to deliver with the organisations they name.",
      evidencePrompt: "When were you named, and what were you told to expect?",
      answer: {
        type: "single",
        options: [
          { value: "named-delivering", label: "Named in the prime's bid, and now delivering work" },
          { value: "named-no-contract", label: "Named in the prime's bid, but given no contract" },
          { value: "contracted-no-work", label: "Given a contract, but sent no referrals or work" },
          { value: "not-named-delivering", label: "Not named in the bid, but now delivering work" },
        ],
        allowNotApplicable: false,
      },
      scoring: {
        rule: "options",
        scores: {
          "named-delivering": 100,
          "named-no-contract": 0,
          "contracted-no-work": 0,
          "not-named-delivering": 100,
        },
      },
      weight: 2,
      redFlag: BID_CANDY_SUB,
    },
    {
      key: "faith.bid-candy.prime",
      perspective: "prime",
      pairKey: "faith.bid-candy",
      text: "Leaving aside any that chose to withdraw, what percentage of the organisations named in your bid now have a contract and are receiving work?",
      help: "The final code says primes are obliged to deliver with the organisations named in their bid. Comparing the bid's partner list with today's is the simplest test of 'bid candy'.",
      evidencePrompt: "Compare the partner list in your bid with your current partner list.",
      answer: { type: "number", unit: "percent", min: 0, max: 100 },
      scoring: {
        rule: "thresholds",
        steps: [
          { upTo: 49, score: 0 },
          { upTo: 74, score: 30 },
          { upTo: 89, score: 60 },
          { upTo: 99, score: 80 },
        ],
        otherwise: 100,
      },
      weight: 2,
      redFlag: BID_CANDY_PRIME,
    },
    {
      key: "faith.agreed-up-front.sub",
      perspective: "subcontractor",
      pairKey: "faith.agreed-up-front",
      text: "Before work started, did your prime agree volumes, funding and targets with you in writing?",
      help: "The Merlin Standard asks primes to agree volumes, funding and performance expectations before the relationship starts. Without them, a partner cannot plan or hold the prime to its word.",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
    {
      key: "faith.agreed-up-front.prime",
      perspective: "prime",
      pairKey: "faith.agreed-up-front",
      text: "Before work starts, do you agree volumes, funding and targets with each partner in writing?",
      help: "The Merlin Standard asks primes to agree volumes, funding and performance expectations before the relationship starts. Without them, a partner cannot plan or hold the prime to its word.",
      evidencePrompt: "Which document sets these out?",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
    {
      key: "faith.referrals.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "faith.referrals",
      text: "In the last 12 months, what percentage of the forecast referrals or work did you actually receive?",
      help: "About a third of charities working on the Work Programme received no referrals at all (NCVO, 2012). Volumes far below forecast can make a contract unviable.",
      evidencePrompt: "What was the forecast, and what arrived?",
      answer: { type: "number", unit: "percent", min: 0, max: 500 },
      scoring: REFERRALS_SCORING,
    },
    {
      key: "faith.referrals.prime",
      perspective: "prime",
      pairKey: "faith.referrals",
      text: "In the last 12 months, what percentage of the forecast referrals or work did your partners receive, on average?",
      help: "Volumes far below forecast are a common complaint about primes. Partners give their own figure, so the two can be compared.",
      evidencePrompt: "Which partners received much less than forecast, and why?",
      answer: { type: "number", unit: "percent", min: 0, max: 500 },
      scoring: REFERRALS_SCORING,
    },
    {
      key: "faith.shortfall.sub",
      perspective: "subcontractor",
      pairKey: "faith.shortfall",
      text: "When referrals or work fell short of forecast, did your prime discuss it with you and change volumes or prices?",
      help: "The final code calls for regular talks when referrals are lower than expected. Choose 'Not applicable' if there has been no shortfall.",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
    {
      key: "faith.shortfall.prime",
      perspective: "prime",
      pairKey: "faith.shortfall",
      text: "When a partner's referrals or work fall short of forecast, do you discuss it with them and change volumes or prices?",
      help: "The final code calls for regular talks when referrals are lower than expected. Choose 'Not applicable' if no partner has had a shortfall.",
      evidencePrompt: "Give an example of a change you made after a shortfall.",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
    {
      key: "faith.speak-up.sub",
      perspective: "subcontractor",
      pairKey: "faith.speak-up",
      text: "You can raise concerns with your prime, or speak publicly about the contract, without fear of losing work.",
      help: "Some Work Programme subcontracts banned 'adverse publicity'. The government's Supplier Code of Conduct expects suppliers to be able to speak out without fear.",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
    {
      key: "faith.speak-up.prime",
      perspective: "prime",
      pairKey: "faith.speak-up",
      text: "Our partners can raise concerns with us, or speak publicly about the contract, without fear of losing work.",
      help: "Some Work Programme subcontracts banned 'adverse publicity'. The government's Supplier Code of Conduct expects suppliers to be able to speak out without fear.",
      evidencePrompt: "Do your subcontracts limit what partners can say in public?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
    {
      key: "faith.disputes.sub",
      perspective: "subcontractor",
      pairKey: "faith.disputes",
      text: "Is there a clear way to challenge your prime's decisions, with an independent person to settle it if you cannot agree?",
      help: "The Merlin Standard asks for a published way to resolve disputes, with the outcome honoured. Partners have long asked for an independent route.",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
    {
      key: "faith.disputes.prime",
      perspective: "prime",
      pairKey: "faith.disputes",
      text: "Do partners have a clear way to challenge your decisions, with an independent person to settle it if you cannot agree?",
      help: "The Merlin Standard asks for a published way to resolve disputes, with the outcome honoured. Partners have long asked for an independent route.",
      evidencePrompt: "Where is your dispute process published?",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
  ],
};
