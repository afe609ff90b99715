import { goodFaith as v1 } from "../good-faith";
import { type PrincipleInput, type RedFlagInput, SCALE_SCORING, YES_PARTLY_NO_SCORING } from "../shared";
import { NCVO_SERCO_FINAL_CODE } from "./sources";

const NAMED_WITHOUT_CONSENT_SUB: RedFlagInput = {
  kind: "bid-candy",
  label: "Named in a bid without consent",
  when: { anyOf: ["named-without-consent"] },
  basis: [NCVO_SERCO_FINAL_CODE],
};

const NAMED_WITHOUT_CONSENT_PRIME: RedFlagInput = {
  kind: "bid-candy",
  label: "Named in a bid without consent",
  when: { anyOf: ["no", "partly"] },
  basis: [NCVO_SERCO_FINAL_CODE],
};

export const goodFaithV2: PrincipleInput = {
  ...v1,
  questions: [
    ...v1.questions,
    {
      key: "faith.consent.sub",
      primeKnown: true,
      perspective: "subcontractor",
      pairKey: "faith.consent",
      text: "Did your prime ask for your agreement before naming you in its bid?",
      help: "Naming a charity in a bid borrows its reputation to win the contract. The final code says primes should name only organisations they sincerely expect to deliver, which starts with asking them.",
      evidencePrompt: "What were you told, and when?",
      answer: {
        type: "single",
        options: [
          { value: "named-with-consent", label: "Yes: we agreed in advance to be named" },
          { value: "named-without-consent", label: "No: we were named without our agreement" },
        ],
      },
      scoring: { rule: "options", scores: { "named-with-consent": 100, "named-without-consent": 0 } },
      redFlag: NAMED_WITHOUT_CONSENT_SUB,
    },
    {
      key: "faith.consent.prime",
      perspective: "prime",
      pairKey: "faith.consent",
      text: "Did every partner named in your bid agree in writing, before the bid went in, to be named?",
      help: "Naming a charity in a bid borrows its reputation to win the contract. The final code says primes should name only organisations they sincerely expect to deliver, which starts with asking them.",
      evidencePrompt: "How do you record each partner's agreement?",
      answer: { type: "yes-partly-no" },
      scoring: YES_PARTLY_NO_SCORING,
      redFlag: NAMED_WITHOUT_CONSENT_PRIME,
    },
    {
      key: "faith.exit.sub",
      perspective: "subcontractor",
      pairKey: "faith.exit",
      text: "If you leave the supply chain or are dropped from it, your subcontract gives you fair notice, help to close down, and an agreed handover of service users and their data.",
      help: "Partners leave chains, by choice or not. Without notice and a planned handover, staff are lost, service users fall through the gap and their records go missing. The Merlin Standard's last principle, 'Review and close', asks for a fair exit.",
      evidencePrompt: "How much notice does your subcontract give?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
    {
      key: "faith.exit.prime",
      perspective: "prime",
      pairKey: "faith.exit",
      text: "When a partner leaves our supply chain or is dropped from it, we give fair notice, help it close down, and agree the handover of service users and their data.",
      help: "Partners leave chains, by choice or not. Without notice and a planned handover, staff are lost, service users fall through the gap and their records go missing. The Merlin Standard's 'Review and close' asks for a fair exit.",
      evidencePrompt: "Where is your exit procedure written down? When was it last used?",
      answer: { type: "scale", scale: "agreement" },
      scoring: SCALE_SCORING,
    },
  ],
};
