import { describe, expect, it } from "vitest";
import { operatorAddArguments, orgCreateArguments, releaseNationalArguments } from "./command-line";

describe("npm run org:create arguments", () => {
  it("reads a commissioner and its first administrator", () => {
    expect(
      orgCreateArguments([
        "--type",
        "commissioner",
        "--name",
        " Northmoor County Council ",
        "--admin-email",
        "ann@northmoor.gov.uk",
        "--admin-name",
        "Ann Smith",
      ]),
    ).toEqual({
      type: "COMMISSIONER",
      name: "Northmoor County Council",
      adminEmail: "ann@northmoor.gov.uk",
      adminName: "Ann Smith",
    });
    expect(
      orgCreateArguments(["--type=partner", "--name=A", "--admin-email=a@b.org", "--admin-name=B"]).type,
    ).toBe("SUBCONTRACTOR");
  });

  it("says what is wrong, and how to use it", () => {
    expect(() =>
      orgCreateArguments([
        "--type",
        "council",
        "--name",
        "X",
        "--admin-email",
        "a@b.org",
        "--admin-name",
        "A",
      ]),
    ).toThrow(/--type must be commissioner, prime or partner[\s\S]*Usage: npm run org:create/);
    expect(() =>
      orgCreateArguments(["--type", "prime", "--name", "X", "--admin-email", "nope", "--admin-name", "A"]),
    ).toThrow(/--admin-email must be an email address/);
    expect(() => orgCreateArguments(["--type", "prime"])).toThrow(/--name must not be empty/);
    expect(() => orgCreateArguments(["--colour", "red"])).toThrow(/Unknown option '--colour'/);
  });
});

describe("npm run operator:add arguments", () => {
  it("reads an email and a name, and refuses anything else", () => {
    expect(operatorAddArguments(["--email", "ops@example.org", "--name", "Ops"])).toEqual({
      email: "ops@example.org",
      name: "Ops",
    });
    expect(() => operatorAddArguments(["--email", "ops"])).toThrow(/--email must be an email address/);
  });
});

describe("npm run release:national arguments", () => {
  it("reads the period, trimmed", () => {
    expect(releaseNationalArguments(["--period", " 2026–27 "])).toEqual({ period: "2026–27" });
  });

  it("says what is wrong, and how to use it", () => {
    expect(() => releaseNationalArguments([])).toThrow(/--period must not be empty[\s\S]*Usage/);
    expect(() => releaseNationalArguments(["--cycle", "2026–27"])).toThrow();
  });
});
