import { describe, expect, it } from "vitest";
import { framework } from "@/lib/framework";
import { compareViews, scoreAssessment } from "@/lib/scoring";
import { partner, released } from "@/lib/scoring/test-fixtures";
import type { PrimeReport } from "@/lib/services/reports";
import { answersAt, principleAnswers } from "@/tests/support/answers";
import { formatGap, formatScore } from "./format";
import { questionGaps } from "./gaps";
import { principleTitle } from "./labels";
import { flagLines, measureLines } from "./lines";
import { reportSummary, TOP_BLIND_SPOTS } from "./report-summary";

const self = scoreAssessment(framework, answersAt("prime", "best"), "prime");
const best = answersAt("subcontractor", "best");
const worst = answersAt("subcontractor", "worst");
const riskBest = principleAnswers("risk-sharing", "subcontractor", best);
const payWorst = principleAnswers("fair-payment", "subcontractor", worst);
// Flag counts are released only when at least three partners raise a flag and three do not.
const partners = released(framework, [
  ...["a", "b", "c", "d"].map((id) => partner(framework, id, { ...worst, ...riskBest })),
  partner(framework, "e", { ...best, ...payWorst }),
  ...["f", "g", "h"].map((id) => partner(framework, id, best)),
]);
const comparison = compareViews(self, partners);

const change = (from: number, to: number) => ({ from, to, change: Math.round((to - from) * 10) / 10 });

const report: PrimeReport = {
  prime: { id: "p", name: "Acme Employment", lot: null },
  submitted: 8,
  released: true,
  responseRate: 100,
  partners,
  scopes: [],
  self,
  comparison,
  supplyChain: { roster: 8, namedInBid: 0, namedDelivering: 0, namedNoWork: [], delivering: 8, exited: 0 },
  notes: [],
  replies: {},
  trend: {
    cycles: [
      { id: "a", name: "2024–25", overall: 40, answers: 3, self: 90 },
      { id: "b", name: "2025–26", overall: 30, answers: 3, self: 95 },
    ],
    steps: [
      {
        from: "2024–25",
        to: "2025–26",
        compared: ["q"],
        leftOut: [],
        overall: change(40.2, 30.4),
        principles: [
          { key: "risk-sharing", questions: 3, ...change(50, 52) },
          { key: "fair-payment", questions: 3, ...change(40, 22.6) },
        ],
      },
    ],
  },
};

describe("the one-screen summary of a prime's report", () => {
  const summary = reportSummary(report, true);
  const overall = measureLines(partners, self, comparison).find((l) => l.key === "overall");

  it("places the prime where the table by principle does, to the same precision", () => {
    expect(overall?.partners).not.toBeNull();
    expect(summary.partners).toEqual({
      score: formatScore(overall?.partners?.mean ?? -1, 8),
      band: overall?.partners?.band,
    });
    expect(summary.partners?.score).toMatch(/^\d+$/);
  });

  it("gives the claim against the partners' view, and names it a blind spot", () => {
    expect(comparison.comparable && comparison.overall.gap).toBeGreaterThan(20);
    expect(summary.gap).toEqual({
      value: formatGap(comparison.comparable ? comparison.overall.gap : null, 8),
      view: "Blind spot",
    });
  });

  it("lists the three largest blind spots out of all of them", () => {
    const all = questionGaps(comparison, partners, "blind-spot");
    expect(all.length).toBeGreaterThan(TOP_BLIND_SPOTS);
    expect(summary.blindSpots).toBe(all.length);
    expect(summary.topBlindSpots).toEqual(all.slice(0, TOP_BLIND_SPOTS));
  });

  it("names every red flag partners raised, with its count, most raised first", () => {
    const raised = flagLines(partners).filter((f) => (f.partners?.flagged ?? 0) > 0);
    expect(raised.length).toBeGreaterThan(0);
    expect(summary.flags.map((f) => f.title).sort()).toEqual(raised.map((f) => f.title).sort());
    const shares = summary.flags.map((f) => f.flagged / f.n);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(summary.flags[0]).toEqual({ title: "Late payment", flagged: 5, n: 8 });
    expect(summary.ownFlags).toBe(self.redFlags.length);
  });

  it("says what changed since the last release, and which principle moved most", () => {
    expect(summary.change).toEqual({
      from: "2024–25",
      to: "2025–26",
      value: "−10",
      most: { title: principleTitle("fair-payment"), value: "−17" },
    });
  });

  it("shows a partner no claim, no blind spot and none of the prime's own flags", () => {
    const partnerView = reportSummary({ ...report, self: null, comparison: null }, false);
    expect(partnerView.gap).toBeNull();
    expect(partnerView.topBlindSpots).toEqual([]);
    expect(partnerView.ownFlags).toBeNull();
    expect(partnerView.partners).toEqual(summary.partners);
  });

  it("says nothing about partners when their figures are withheld", () => {
    const withheld = reportSummary({ ...report, partners: { suppressed: true }, comparison: null }, true);
    expect(withheld.partners).toBeNull();
    expect(withheld.flags).toEqual([]);
    expect(withheld.flagsWithheld).toBe(false);
  });
});
