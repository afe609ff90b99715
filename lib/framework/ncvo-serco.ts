import { capacityBuilding } from "./content/capacity-building";
import { dataSharing } from "./content/data-sharing";
import { fairPayment } from "./content/fair-payment";
import { goodFaith } from "./content/good-faith";
import { riskSharing } from "./content/risk-sharing";
import type { FrameworkInput } from "./schema";

/**
 * The shipped framework: Chainwise's questionnaire built on the NCVO–Serco code of practice.
 * Raw input; load it through `parseFramework` (see current.ts) to check it and fill in defaults.
 *
 * Question keys are permanent identities: stored answers refer to them across versions. If a
 * question's meaning changes, give it a new key instead of editing the old one in place.
 */
export const ncvoSercoFramework: FrameworkInput = {
  id: "ncvo-serco-code",
  version: "1.0",
  title: "Fair partnership in public services: the NCVO–Serco code of practice",
  source: {
    title:
      "NCVO and Serco: building a code of practice for co-operation in public services – your comments wanted",
    publisher: "NCVO and Serco",
    url: "https://blogs.ncvo.org.uk/2012/05/21/ncvo-and-serco-building-a-code-of-practice-for-co-operation-in-public-services-your-comments-wanted/",
    note: "The questions are Chainwise's own plain-English reading of the 2012 draft code and the 2013 final code. They are not the code's wording, and NCVO and Serco have not reviewed or endorsed them.",
  },
  minPartners: 3,
  principles: [riskSharing, fairPayment, capacityBuilding, goodFaith, dataSharing],
  /**
   * Average days to pay beside the statutory average (issue 16). Ten days: the statutory figure
   * covers every supplier of the company over six months, the answer this contract's partners, so
   * some distance is expected; more than ten is more than a different mix of invoices explains.
   */
  paymentRecord: {
    measures: [{ pairKey: "pay.days", statutory: "averageDaysToPay" }],
    margin: 10,
    scoreMargin: 25,
  },
};
