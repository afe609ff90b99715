import { describe, expect, it } from "vitest";
import { fieldsOf } from "./form-state";

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
