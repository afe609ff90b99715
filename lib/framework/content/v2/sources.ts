/**
 * The public lines version 2's payment flags and bands follow, each with where it is written.
 * Research notes: docs/research (and the team's domain notes), section "Procurement Act 2023".
 */
export const PROCUREMENT_ACT_S73 = {
  text: "Procurement Act 2023, sections 68 and 73: a 30-day payment term is written into every public contract and every subcontract under it.",
  url: "https://www.legislation.gov.uk/ukpga/2023/54/section/73",
};

export const PPN_015 = {
  text: "Procurement Policy Note 015 (2025, carried on by PPN 018): bidders for major public contracts must pay 95% of their supply chain's invoices within 60 days; 90–95% may pass with an action plan.",
  url: "https://www.gov.uk/government/publications/ppn-015-how-to-take-account-of-a-suppliers-approach-to-payment-in-the-procurement-of-major-contracts/ppn-015-how-to-take-account-of-a-suppliers-approach-to-payment-in-the-procurement-of-major-contracts-guidance-html",
};

export const FAIR_PAYMENT_CODE = {
  text: "Fair Payment Code (Office of the Small Business Commissioner): gold is 95% of all invoices paid within 30 days.",
  url: "https://smallbusinesscommissioner.gov.uk/fpc/faqs",
};

export const PAYMENT_PRACTICES_REGULATIONS = {
  text: "Reporting on Payment Practices and Performance Regulations 2017: large companies publish every six months the shares of invoices paid within 30 days, in 31–60 days and after 60 days, and the share not paid within agreed terms.",
  url: "https://www.legislation.gov.uk/uksi/2017/395/contents",
};

export const NCVO_SERCO_FINAL_CODE = {
  text: "NCVO–Serco code of practice (2013): primes must not cream off easier service users and park the hardest with partners, and are obliged to deliver with the organisations they name in a bid.",
  url: "https://www.serco.com/uk/media-and-news/2013/ncvo-and-serco-launch-code-of-practice-to-raise-standards",
};

export const TUPE_REGULATIONS = {
  text: "Transfer of Undertakings (Protection of Employment) Regulations 2006: staff move with a service when it changes hands, and the cost falls where the contract leaves it.",
  url: "https://www.legislation.gov.uk/uksi/2006/246/contents",
};
