import { describe, expect, it } from "vitest";
import { removeMemberSchema, roleChangeSchema, roleLabel } from "./forms";

describe("member forms", () => {
  it("read a role change", () => {
    expect(roleChangeSchema.parse({ membershipId: " m1 ", role: "ADMIN", $ACTION_ID_x: "" })).toEqual({
      membershipId: "m1",
      role: "ADMIN",
    });
  });

  it("refuse a role that does not exist, saying what to choose", () => {
    const result = roleChangeSchema.safeParse({ membershipId: "m1", role: "OWNER" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose administrator or member");
  });

  it("refuse a missing or overlong member", () => {
    expect(removeMemberSchema.safeParse({ membershipId: "" }).success).toBe(false);
    expect(removeMemberSchema.safeParse({ membershipId: "x".repeat(65) }).success).toBe(false);
  });

  it("name roles in plain words", () => {
    expect(roleLabel("ADMIN")).toBe("Administrator");
    expect(roleLabel("MEMBER")).toBe("Member");
  });
});
