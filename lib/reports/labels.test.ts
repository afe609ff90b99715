import { describe, expect, it } from "vitest";
import { questionText } from "./labels";

describe("questionText", () => {
  it("names a version 2 question by its words, not its key", () => {
    expect(questionText("pay.within-30.sub")).toBe(
      "Of the invoices you sent your prime in the last 6 months, what percentage did it pay within 30 days?",
    );
  });

  it("still names a question only version 1 asked", () => {
    expect(questionText("pay.days.sub")).toBe(
      "On average, how many days after you send an invoice does your prime pay you?",
    );
  });
});
