import { describe, expect, it } from "vitest";
import { PRINCIPLE_KEYS, type PrincipleKey } from "@/lib/framework";
import { nonEmpty } from "@/tests/support/non-empty";
import type { PrincipleProgress, TaskStatus } from "./progress";
import { nextPageAfter } from "./routes";

/** An assessment whose principles have these statuses, in framework order. */
function assessment(statuses: Partial<Record<PrincipleKey, TaskStatus>>, id = "a1") {
  const items: PrincipleProgress[] = PRINCIPLE_KEYS.map((key) => {
    const status = statuses[key] ?? "not-started";
    return {
      key,
      title: key,
      status,
      answered: status === "completed" ? 6 : status === "in-progress" ? 3 : 0,
      total: 6,
    };
  });
  return { id, progress: items };
}

const allCompleted = Object.fromEntries(PRINCIPLE_KEYS.map((k) => [k, "completed"])) as Record<
  PrincipleKey,
  TaskStatus
>;

describe("nextPageAfter", () => {
  it("goes to the next principle in order", () => {
    expect(nextPageAfter(assessment({ "risk-sharing": "completed" }), "risk-sharing")).toBe(
      "/assessments/a1/fair-payment",
    );
    expect(nextPageAfter(assessment({ "fair-payment": "completed" }), "fair-payment")).toBe(
      "/assessments/a1/capacity-building",
    );
  });

  it("skips principles already completed", () => {
    const a = assessment({
      "risk-sharing": "completed",
      "fair-payment": "completed",
      "capacity-building": "completed",
    });
    expect(nextPageAfter(a, "risk-sharing")).toBe("/assessments/a1/good-faith");
  });

  it("goes to an in-progress principle as well as a not-started one", () => {
    const a = assessment({
      "risk-sharing": "completed",
      "fair-payment": "completed",
      "capacity-building": "in-progress",
    });
    expect(nextPageAfter(a, "fair-payment")).toBe("/assessments/a1/capacity-building");
  });

  it("wraps round to the first unfinished principle after the last one", () => {
    const a = assessment({
      "data-sharing": "completed",
      "good-faith": "completed",
      "risk-sharing": "completed",
    });
    expect(nextPageAfter(a, "data-sharing")).toBe("/assessments/a1/fair-payment");
  });

  it("wraps round past completed principles from the middle", () => {
    const a = assessment({
      "risk-sharing": "in-progress",
      "fair-payment": "completed",
      "capacity-building": "completed",
      "good-faith": "completed",
      "data-sharing": "completed",
    });
    expect(nextPageAfter(a, "capacity-building")).toBe("/assessments/a1/risk-sharing");
  });

  it("comes back to the page just saved if it is the only one unfinished", () => {
    const a = assessment({ ...allCompleted, "good-faith": "in-progress" });
    expect(nextPageAfter(a, "good-faith")).toBe("/assessments/a1/good-faith");
  });

  it("goes to check answers when everything is completed, whichever page was saved", () => {
    for (const saved of nonEmpty(PRINCIPLE_KEYS, "principles")) {
      expect(nextPageAfter(assessment(allCompleted, "xyz-9"), saved)).toBe("/assessments/xyz-9/check");
    }
  });

  it("uses the assessment's id in the path", () => {
    expect(nextPageAfter(assessment({}, "cm123abc"), "risk-sharing")).toBe(
      "/assessments/cm123abc/fair-payment",
    );
  });

  it("follows the order it is given, not a fixed order", () => {
    const a = assessment({});
    const reversed = { ...a, progress: [...a.progress].reverse() };
    expect(nextPageAfter(reversed, "data-sharing")).toBe("/assessments/a1/good-faith");
    expect(nextPageAfter(reversed, "risk-sharing")).toBe("/assessments/a1/data-sharing");
  });

  it("finds every unfinished principle from every starting point: the next one round the loop", () => {
    // Exhaustive over all 2^5 completed/unfinished patterns and all five saved pages.
    expect(PRINCIPLE_KEYS).toHaveLength(5);
    for (let mask = 0; mask < 2 ** PRINCIPLE_KEYS.length; mask++) {
      const statuses = Object.fromEntries(
        PRINCIPLE_KEYS.map((k, i) => [k, mask & (1 << i) ? "completed" : "in-progress"]),
      ) as Record<PrincipleKey, TaskStatus>;
      PRINCIPLE_KEYS.forEach((saved, from) => {
        let expected = "/assessments/a1/check";
        for (let step = 1; step <= PRINCIPLE_KEYS.length; step++) {
          const key = PRINCIPLE_KEYS[(from + step) % PRINCIPLE_KEYS.length] as PrincipleKey;
          if (statuses[key] !== "completed") {
            expected = `/assessments/a1/${key}`;
            break;
          }
        }
        expect(nextPageAfter(assessment(statuses), saved), `${mask}/${saved}`).toBe(expected);
      });
    }
  });
});
