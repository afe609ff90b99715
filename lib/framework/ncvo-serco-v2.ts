import { dataSharing } from "./content/data-sharing";
import { capacityBuildingV2 } from "./content/v2/capacity-building";
import { fairPaymentV2 } from "./content/v2/fair-payment";
import { goodFaithV2 } from "./content/v2/good-faith";
import { riskSharingV2 } from "./content/v2/risk-sharing";
import { ncvoSercoFramework } from "./ncvo-serco";
import type { FrameworkInput } from "./schema";

/**
 * Version 2 of the framework (issue 16): the commitments version 1 missed (exit and handover,
 * TUPE, creaming and parking, consent to be named, diversity of the chain, contract length),
 * payment measured as the law measures it, fee and payment-method rules that do not punish good
 * practice, and one answer order (docs/decisions/0020). Version 1 stays as it was: assessments
 * answered against it keep being read and scored by it. Questions unchanged from version 1 keep
 * their keys, so trends across the two compare them; see lib/framework/README.md.
 */
export const ncvoSercoFrameworkV2: FrameworkInput = {
  ...ncvoSercoFramework,
  version: "2.0",
  principles: [riskSharingV2, fairPaymentV2, capacityBuildingV2, goodFaithV2, dataSharing],
  answerOrder: "best-first",
  /**
   * The shares of invoices beside the statutory report's same columns (issue 16). Ten percentage
   * points: the statutory shares cover every supplier of the company over six months, the answers
   * this contract's partners, so some distance is expected; more than ten is more than a different
   * mix of invoices explains. Partners' released figures are mean scores, so the other two are
   * scored by the same rule and compared with them: 25 points is a step of the scale or more.
   */
  paymentRecord: {
    measures: [
      { pairKey: "pay.within-30", statutory: "paidWithin30Days" },
      { pairKey: "pay.31-60", statutory: "paidIn31To60Days" },
      { pairKey: "pay.over-60", statutory: "paidAfter60Days" },
      { pairKey: "pay.not-in-terms", statutory: "notPaidWithinTerms" },
    ],
    margin: 10,
    scoreMargin: 25,
  },
};
