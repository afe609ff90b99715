import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import {
  awardsOverseenBy,
  openAt,
  releaseReaderOf,
  selfAssessmentsReadBy,
  selfAssessmentVersionsReadBy,
} from "./scopes";

const actor = (organisationType: OrganisationType, organisationId = "org-1"): Actor => ({
  organisationId,
  organisationName: "Org",
  organisationType,
  userId: "user-1",
  role: "ADMIN",
});

describe("who reaches a prime's self-assessment", () => {
  it("the prime its own, drafts included; the commissioner its contracts' submitted ones", () => {
    expect(selfAssessmentVersionsReadBy(actor("PRIME"))).toEqual({
      perspective: "PRIME",
      respondentOrgId: "org-1",
    });
    expect(selfAssessmentVersionsReadBy(actor("COMMISSIONER"))).toEqual({
      perspective: "PRIME",
      contract: { commissionerId: "org-1" },
      status: "SUBMITTED",
    });
  });

  it("a partner, never: its conditions match no row, even as an administrator", () => {
    expect(selfAssessmentsReadBy(actor("SUBCONTRACTOR"))).toEqual({ id: "" });
    expect(awardsOverseenBy(actor("SUBCONTRACTOR"))).toEqual({ id: "" });
  });
});

describe("released figures", () => {
  it("a prime reads only its own scopes, and only the figures for everyone", () => {
    expect(releaseReaderOf(actor("PRIME", "p1"), "p1")).toEqual({
      view: "prime",
      scopes: {},
      figures: { audience: "ALL" },
    });
    expect(releaseReaderOf(actor("PRIME", "p1"), "p2")).toBeNull();
  });

  it("a partner reads nothing directly: it asks as its prime, at its own contract's scopes", () => {
    expect(releaseReaderOf(actor("SUBCONTRACTOR"), "p1")).toBeNull();
  });

  it("a commissioner reads every figure, at national scope and its own", () => {
    const reader = releaseReaderOf(actor("COMMISSIONER", "c1"), "p1");
    expect(reader?.figures).toEqual({});
    expect(reader?.scopes).toEqual({
      OR: [
        { level: "NATIONAL" },
        { level: "COMMISSIONER", commissionerId: "c1" },
        { level: "CONTRACT", contract: { commissionerId: "c1" } },
      ],
    });
  });
});

describe("open cycles", () => {
  it("are open from the moment they open until the moment they close, both included", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(openAt(now)).toEqual({ opensAt: { lte: now }, closesAt: { gte: now } });
  });
});
