/** The rows the synthetic world is made of, one interface per table, as the loader writes them. */

export interface OrganisationRow {
  id: string;
  name: string;
  type: "COMMISSIONER" | "PRIME" | "SUBCONTRACTOR";
  sector: "VCSE" | "SME" | null;
  sizeBand: "MICRO" | "SMALL" | "MEDIUM" | "LARGE" | null;
}
export interface ContractRow {
  id: string;
  reference: string;
  title: string;
  valueBand: string;
  startDate: string;
  endDate: string;
  commissionerId: string;
}
export interface AwardRow {
  id: string;
  contractId: string;
  primeId: string;
  lot: string;
}
export interface CycleRow {
  id: string;
  contractId: string;
  name: string;
  opensAt: string;
  closesAt: string;
}
export interface MemberRow {
  id: string;
  contractId: string;
  primeId: string;
  organisationId: string;
  namedInBid: boolean;
  status: "NAMED_IN_BID" | "CONTRACTED" | "DELIVERING" | "EXITED";
  canRate: boolean;
}
export interface AssessmentRow {
  id: string;
  reference: string;
  perspective: "SUBCONTRACTOR" | "PRIME";
  contractId: string;
  cycleId: string;
  primeId: string;
  respondentOrgId: string;
  status: "DRAFT" | "SUBMITTED";
  version: number;
  supersedesId: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  notesSharedWithPrime: boolean;
  /** The pool set whose answers (and scores, once submitted) it stores. */
  set: number;
}

/** One contract with everything under it: the unit the loader writes in one go. */
export interface ContractBlock {
  contract: ContractRow;
  awards: AwardRow[];
  cycles: CycleRow[];
  members: MemberRow[];
  assessments: AssessmentRow[];
}

/** Who the benchmark acts as, and what it opens. */
export interface BenchActors {
  commissionerId: string;
  primeId: string;
  /** A contract of the programme's that the prime holds a lot on. */
  primeContractId: string;
  partnerId: string;
  /** The partner's draft rating of the prime: the questionnaire page the HTTP benchmark opens. */
  draftId: string;
}
