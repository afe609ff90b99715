import { describe, expect, it } from "vitest";
import { bandOf } from "@/lib/scoring/numbers";
import { worstFirst } from "./concern";

const row = (name: string, overall: number | null, flags: number | null = 0, gap: number | null = null) => ({
  prime: { name },
  contract: { title: "Contract" },
  overall,
  band: overall === null ? null : bandOf(overall),
  flags,
  gap,
});

const order = (rows: ReturnType<typeof row>[]) => worstFirst(rows).map((r) => r.prime.name);

describe("worstFirst", () => {
  it("puts the Concern band first and rows without released figures last", () => {
    expect(order([row("Good", 65), row("None", null), row("Concern", 38.4), row("Strong", 85)])).toEqual([
      "Concern",
      "Good",
      "Strong",
      "None",
    ]);
  });

  it("within a band, more red flags first, then the lower score", () => {
    expect(order([row("Low, no flags", 61), row("Higher, two flags", 70, 2), row("Lower", 60.5)])).toEqual([
      "Higher, two flags",
      "Lower",
      "Low, no flags",
    ]);
  });

  it("with the same score and flags, the larger gap between claim and partners first", () => {
    expect(
      order([row("Honest", 62, 1, 2), row("Overclaims", 62, 1, 25), row("No claim", 62, 1, null)]),
    ).toEqual(["Overclaims", "Honest", "No claim"]);
  });

  it("keeps equal rows in name order, and does not change the list it is given", () => {
    const rows = [row("Beta", 50), row("Alpha", 50)];
    expect(order(rows)).toEqual(["Alpha", "Beta"]);
    expect(rows.map((r) => r.prime.name)).toEqual(["Beta", "Alpha"]);
  });
});
