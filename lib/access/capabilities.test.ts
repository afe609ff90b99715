import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";
import { accessKey, assertCan, type Capability, can, sideOf } from "./capabilities";

const actor = (organisationType: OrganisationType, role: MemberRole | null, signedIn = true): Actor => ({
  organisationId: "org-1",
  organisationName: "Org",
  organisationType,
  userId: signedIn ? "user-1" : null,
  role,
});

const allowed = (a: Actor) =>
  (
    [
      "manageContracts",
      "readProgramme",
      "judgePrimes",
      "releaseFigures",
      "selfAssess",
      "rate",
      "administerOrganisation",
    ] as Capability[]
  ).filter((c) => can(a, c));

describe("what each kind of organisation may do", () => {
  it("a commissioner's member manages contracts, reads the programme and judges primes, but releases nothing", () => {
    expect(allowed(actor("COMMISSIONER", "MEMBER"))).toEqual([
      "manageContracts",
      "readProgramme",
      "judgePrimes",
    ]);
  });

  it("only a commissioner's signed-in administrator releases partners' figures", () => {
    expect(can(actor("COMMISSIONER", "ADMIN"), "releaseFigures")).toBe(true);
    expect(can(actor("PRIME", "ADMIN"), "releaseFigures")).toBe(false);
    expect(can(actor("SUBCONTRACTOR", "ADMIN"), "releaseFigures")).toBe(false);
    // A demo visitor has no role, and a role without a person is not enough.
    expect(can(actor("COMMISSIONER", null, false), "releaseFigures")).toBe(false);
    expect(can(actor("COMMISSIONER", "ADMIN", false), "releaseFigures")).toBe(false);
  });

  it("a prime assesses itself and nothing of the commissioner's; a partner only rates", () => {
    expect(allowed(actor("PRIME", "MEMBER"))).toEqual(["selfAssess"]);
    expect(allowed(actor("SUBCONTRACTOR", "MEMBER"))).toEqual(["rate"]);
  });

  it("every organisation's administrators, and only they, administer it; a demo visitor has no role", () => {
    for (const type of ["COMMISSIONER", "PRIME", "SUBCONTRACTOR"] as const) {
      expect(can(actor(type, "ADMIN"), "administerOrganisation")).toBe(true);
      expect(can(actor(type, "MEMBER"), "administerOrganisation")).toBe(false);
      expect(can(actor(type, null, false), "administerOrganisation")).toBe(false);
    }
  });
});

describe("refusals", () => {
  it("are 'not found' without a reason, so nothing hints the thing exists", () => {
    expect(() => assertCan(actor("PRIME", "ADMIN"), "readProgramme")).toThrow(
      expect.objectContaining({ name: "NotFoundError" }),
    );
  });

  it("say why when given one", () => {
    expect(() => assertCan(actor("PRIME", "MEMBER"), "manageContracts", "Only a commissioner can.")).toThrow(
      expect.objectContaining({ name: "ForbiddenError", message: "Only a commissioner can." }),
    );
    expect(() =>
      assertCan(actor("COMMISSIONER", "MEMBER"), "manageContracts", "Only a commissioner can."),
    ).not.toThrow();
  });
});

describe("sides and keys", () => {
  it("names the side a reader reads from", () => {
    expect(sideOf(actor("COMMISSIONER", null))).toBe("commissioner");
    expect(sideOf(actor("PRIME", null))).toBe("prime");
    expect(sideOf(actor("SUBCONTRACTOR", null))).toBe("partner");
  });

  it("keys apart any two actors the rules could treat differently", () => {
    const keys = new Set(
      [
        actor("COMMISSIONER", "ADMIN"),
        actor("COMMISSIONER", "MEMBER"),
        actor("COMMISSIONER", "ADMIN", false),
        actor("PRIME", "ADMIN"),
        { ...actor("PRIME", "ADMIN"), userId: "user-2" },
        { ...actor("PRIME", "ADMIN"), organisationId: "org-2" },
      ].map(accessKey),
    );
    expect(keys.size).toBe(6);
  });
});
