import { describe, expect, it } from "vitest";
import { figuresState, lastReleasedCycle } from "./figures-state";

const now = new Date("2026-12-06T12:00:00Z");
const day = 86_400_000;
const cycle = (opens: number, closes: number) => ({
  opensAt: new Date(now.getTime() + opens * day),
  closesAt: new Date(now.getTime() + closes * day),
});
const base = { released: false, submitted: 2, minPartners: 5, now };

describe("why a prime's report has no partners' figures", () => {
  it("says released when it is, whatever else holds", () => {
    expect(figuresState({ ...base, released: true, cycle: cycle(-30, 10) }).kind).toBe("released");
  });

  it("tells an unopened cycle from an open one", () => {
    expect(figuresState({ ...base, cycle: cycle(5, 30) }).kind).toBe("not-open");
    expect(figuresState({ ...base, cycle: cycle(-5, 30) })).toEqual({
      kind: "open",
      closesAt: cycle(-5, 30).closesAt,
    });
  });

  it("after the close: too few answers, waiting for the release, or held back by the release", () => {
    expect(figuresState({ ...base, cycle: cycle(-60, -1) }).kind).toBe("too-few");
    expect(figuresState({ ...base, submitted: 5, cycle: cycle(-60, -1) }).kind).toBe("awaiting-release");
    const releasedAt = new Date(now.getTime() - day);
    expect(
      figuresState({
        ...base,
        submitted: 5,
        cycle: cycle(-60, -2),
        contractScope: { state: "hidden", releasedAt },
      }),
    ).toEqual({ kind: "held-back", releasedAt });
  });
});

describe("the last released cycle", () => {
  const cycles = [
    { id: "a", answers: 6 },
    { id: "b", answers: 0 },
    { id: "c", answers: 0 },
  ];
  it("is the latest earlier cycle with released figures", () => {
    expect(lastReleasedCycle(cycles, "c")?.id).toBe("a");
    expect(lastReleasedCycle(cycles, "a")).toBeNull();
  });
});
