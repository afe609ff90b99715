import { describe, expect, it } from "vitest";
import { inviteeValue, inviteSchema } from "./form";

describe("the invite form", () => {
  it("reads the prime and the organisation from one radio, the prime itself meaning a self-assessment", () => {
    const partner = inviteSchema.parse({
      invitee: inviteeValue("prime1", "org1"),
      email: " Pat@Example.org ",
    });
    expect(partner).toEqual({
      invitee: { primeId: "prime1", organisationId: "org1", perspective: "subcontractor" },
      email: "Pat@Example.org",
    });
    const self = inviteSchema.parse({ invitee: inviteeValue("prime1", "prime1"), email: "a@example.org" });
    expect(self.invitee.perspective).toBe("prime");
  });

  it("asks for a choice and a well-formed address, in words a person understands", () => {
    const result = inviteSchema.safeParse({ invitee: "", email: "pat at example" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["invitee", "Choose the organisation to invite"],
      ["email", "Enter an email address in the correct format, like name@example.org"],
    ]);
    expect(inviteSchema.safeParse({ invitee: "a:b:c", email: "a@example.org" }).success).toBe(false);
  });
});
