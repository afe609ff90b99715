import { capacityBuilding as v1 } from "../capacity-building";
import { type PrincipleInput, type QuestionInput, SCALE_SCORING, YES_PARTLY_NO_SCORING } from "../shared";

const LENGTH: QuestionInput["answer"] = {
  type: "single",
  options: [
    { value: "whole-contract", label: "As long as the prime's own contract" },
    { value: "three-years", label: "Three years or more, but shorter than the prime's" },
    { value: "one-to-three", label: "One to three years" },
    { value: "under-one", label: "Less than a year, or rolling month to month" },
  ],
  allowNotApplicable: false,
};

const LENGTH_SCORING = {
  rule: "options",
  scores: { "whole-contract": 100, "three-years": 75, "one-to-three": 40, "under-one": 0 },
} as const;

export const capacityBuildingV2: PrincipleInput = {
  ...v1,
  questions: [
    ...v1.questions,
    {
      key: "capacity.length.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "capacity.length",
      text: "How long is your subcontract?",
      help: "A partner cannot hire staff, rent rooms or plan on a contract that may end within months. The Compact asks for funding of three years or more where possible; a subcontract as long as the prime's own contract gives the most stability.",
      answer: LENGTH,
      scoring: { ...LENGTH_SCORING, scores: { ...LENGTH_SCORING.scores } },
    },
    {
      key: "capacity.length.prime",
      perspective: "prime",
      pairKey: "capacity.length",
      text: "How long are your subcontracts with partners on this contract, usually?",
      help: "A partner cannot hire staff, rent rooms or plan on a contract that may end within months. The Compact asks for funding of three years or more where possible.",
      evidencePrompt: "Do any partners have shorter subcontracts than others, and why?",
      answer: LENGTH,
      scoring: { ...LENGTH_SCORING, scores: { ...LENGTH_SCORING.scores } },
    },
    {
      key: "capacity.diversity.sub",
      perspective: "subcontractor",
      pairKey: "capacity.diversity",
      text: "To what extent does your prime make it possible for small and specialist organisations, including those led by the communities they serve, to join and stay in its supply chain?",
      help: "A chain of only large providers loses the reach of small and specialist charities, such as those led by disabled people or by Black and minority ethnic communities. The DWP's code of conduct and the Merlin Standard both ask primes to monitor and act on the equality and diversity of their supply chain.",
      answer: { type: "scale", scale: "extent" },
      scoring: SCALE_SCORING,
    },
    {
      key: "capacity.diversity.prime",
      perspective: "prime",
      pairKey: "capacity.diversity",
      text: "Do you monitor the equality and diversity of your supply chain (size, specialism, organisations led by the communities they serve) and act on what you find?",
      help: "The DWP's code of conduct and the Merlin Standard both ask primes to monitor and act on the equality and diversity of their supply chain.",
      evidencePrompt: "What did your last review of the chain find, and what changed?",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
    },
  ],
};
