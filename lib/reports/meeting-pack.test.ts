import { describe, expect, it } from "vitest";
import type { ActionItem } from "@/lib/services/replies-and-plans";
import { packAction } from "./meeting-pack";

const item: ActionItem = {
  id: "a1",
  principleKey: "fair-payment",
  action: "Pay within 14 days",
  owner: "Head of supply chain",
  dueDate: new Date("2027-03-31T00:00:00Z"),
  status: "IN_PROGRESS",
  updatedAt: new Date("2026-12-01T00:00:00Z"),
  agreedAt: null,
  agreedBy: null,
  doneAt: null,
  doneBy: null,
};

describe("an action in the meeting pack", () => {
  it("says it is not agreed until the council agrees it", () => {
    expect(packAction(item, "Wessex Borough Council")).toMatchObject({
      principle: "Paying fairly and on time",
      due: "31 March 2027",
      status: "In progress",
      agreed: null,
      doneNote: null,
      done: false,
    });
  });

  it("names the person who agreed it and the day", () => {
    const agreed = { ...item, agreedAt: new Date("2026-12-07T15:00:00Z"), agreedBy: "Sam Okafor" };
    expect(packAction(agreed, "Wessex Borough Council").agreed).toBe(
      "Agreed by Sam Okafor on 7 December 2026",
    );
  });

  it("names the council when no person is on record (a demo visitor, a deleted account)", () => {
    const agreed = { ...item, agreedAt: new Date("2026-12-07T15:00:00Z") };
    expect(packAction(agreed, "Wessex Borough Council").agreed).toBe(
      "Agreed by Wessex Borough Council on 7 December 2026",
    );
  });

  it("says who marked it done and when", () => {
    const done = {
      ...item,
      status: "DONE" as const,
      doneAt: new Date("2027-02-01T09:00:00Z"),
      doneBy: "Jo Marsh",
    };
    expect(packAction(done, "Wessex Borough Council")).toMatchObject({
      status: "Done",
      done: true,
      doneNote: "Marked done by Jo Marsh on 1 February 2027",
    });
  });
});
