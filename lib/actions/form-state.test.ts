import { describe, expect, it } from "vitest";
import { fieldsOf, refusalOnField } from "./form-state";

describe("fieldsOf", () => {
  it("finds each field's error and what was typed, or the fallback", () => {
    const { error, typed } = fieldsOf({
      status: "error",
      errors: [{ href: "#field-owner", questionKey: "owner", message: "Enter who is responsible" }],
      typed: { action: "Pay on time" },
    });
    expect(error("owner")).toBe("Enter who is responsible");
    expect(error("action")).toBeUndefined();
    expect(typed("action")).toBe("Pay on time");
    expect(typed("owner", "saved")).toBe("saved");
  });
});

describe("refusalOnField", () => {
  it("puts a service's refusal on the one field the form is about, and leaves field errors alone", () => {
    expect(refusalOnField({ status: "error", message: "“a.pdf” is a program.", errors: [] }, "file")).toEqual(
      {
        status: "error",
        message: undefined,
        errors: [{ href: "#field-file", questionKey: "file", message: "“a.pdf” is a program." }],
      },
    );
    const fieldError = {
      status: "error" as const,
      errors: [{ href: "#field-x", questionKey: "x", message: "Enter x" }],
    };
    expect(refusalOnField(fieldError, "file")).toBe(fieldError);
    expect(refusalOnField({ status: "idle", errors: [] }, "file")).toEqual({ status: "idle", errors: [] });
  });
});
