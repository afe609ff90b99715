import { riskSharing as v1 } from "../risk-sharing";
import { type PrincipleInput, type QuestionInput, type RedFlagInput, SCALE_SCORING } from "../shared";
import { NCVO_SERCO_FINAL_CODE, TUPE_REGULATIONS } from "./sources";

const TUPE_COST: QuestionInput["answer"] = {
  type: "single",
  options: [
    { value: "prime", label: "The prime carries it, as written in the subcontract" },
    { value: "shared", label: "It is shared, as written and priced in the subcontract" },
    { value: "partner-priced", label: "The partner carries it, and the price allows for it" },
    { value: "not-agreed", label: "Nothing is agreed, so it would fall on the partner" },
  ],
};

const TUPE_NOT_AGREED: RedFlagInput = {
  kind: "risk-passed-down",
  label: "Who pays for staff transfers (TUPE) is not agreed",
  when: { anyOf: ["not-agreed"] },
  basis: [TUPE_REGULATIONS],
};

const PARKED: RedFlagInput = {
  kind: "risk-passed-down",
  label: "Harder-to-help service users passed to the partner while the prime keeps the easier ones",
  when: { anyOf: ["strongly-disagree", "disagree"] },
  basis: [NCVO_SERCO_FINAL_CODE],
};

export const riskSharingV2: PrincipleInput = {
  ...v1,
  draftCommitments: [
    ...v1.draftCommitments,
    "The final code (2013), first point: no 'creaming' of the easier service users and 'parking' of the hardest with partners.",
  ],
  questions: [
    ...v1.questions,
    {
      key: "risk.tupe.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "risk.tupe",
      text: "If staff had to transfer to or from you under TUPE on this contract, who would carry the cost?",
      help: "When a service changes hands, staff move with it under the TUPE regulations, with their pay, pensions and redundancy rights. A small charity that takes on or hands back staff without an agreement on the cost can be sunk by it.",
      evidencePrompt: "Which clause of your subcontract says so?",
      answer: TUPE_COST,
      scoring: {
        rule: "options",
        scores: { prime: 100, shared: 100, "partner-priced": 75, "not-agreed": 0 },
      },
      redFlag: TUPE_NOT_AGREED,
    },
    {
      key: "risk.tupe.prime",
      perspective: "prime",
      pairKey: "risk.tupe",
      text: "If staff had to transfer to or from a partner under TUPE on this contract, who would carry the cost?",
      help: "When a service changes hands, staff move with it under the TUPE regulations. A partner left to carry that cost without agreement carries a risk the code says the larger organisation should hold.",
      evidencePrompt: "Where is your TUPE approach written down?",
      answer: TUPE_COST,
      scoring: {
        rule: "options",
        scores: { prime: 100, shared: 100, "partner-priced": 75, "not-agreed": 0 },
      },
      redFlag: TUPE_NOT_AGREED,
    },
    {
      key: "risk.creaming.sub",
      perspective: "subcontractor",
      pairKey: "risk.creaming",
      text: "Your prime sends you a fair mix of service users, not mostly the hardest to help while it keeps the easier ones.",
      help: "Primes paid by results can keep the people easiest to help ('creaming') and pass on or neglect the hardest ('parking'). The Public Accounts Committee found it on the Work Programme; the final code's first point is against it.",
      evidencePrompt: "How does the mix of people referred to you compare with the prime's own caseload?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
      weight: 2,
      redFlag: PARKED,
    },
    {
      key: "risk.creaming.prime",
      perspective: "prime",
      pairKey: "risk.creaming",
      text: "We send each partner a fair mix of service users, and pay more for the harder to help, so none is left with mostly the hardest cases.",
      help: "Primes paid by results can keep the people easiest to help ('creaming') and pass on or neglect the hardest ('parking'). The final code's first point is against it; your partners answer the same question.",
      evidencePrompt: "How do you monitor the mix of referrals each partner receives?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
      weight: 2,
      redFlag: PARKED,
    },
  ],
};
