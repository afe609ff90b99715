import { describe, expect, it } from "vitest";
import { serviceAreaLabel, serviceAreaOfCpv } from "./service-areas";

describe("a notice's service area, from its CPV codes", () => {
  it("places the codes public-service contracts are let under", () => {
    expect(serviceAreaOfCpv(["79611000"])).toBe("employment"); // job search services
    expect(serviceAreaOfCpv(["80530000"])).toBe("employment"); // vocational training
    expect(serviceAreaOfCpv(["75231240"])).toBe("justice"); // probation services
    expect(serviceAreaOfCpv(["85100000"])).toBe("health"); // health services
    expect(serviceAreaOfCpv(["85311000"])).toBe("health"); // social work with accommodation
    expect(serviceAreaOfCpv(["98341000"])).toBe("housing"); // accommodation services
  });

  it("takes the longest prefix: community health is health, other social services community", () => {
    expect(serviceAreaOfCpv(["85323000"])).toBe("health");
    expect(serviceAreaOfCpv(["85320000"])).toBe("community");
  });

  it("reads codes with a check digit, and takes the first code it can place", () => {
    expect(serviceAreaOfCpv(["85320000-8"])).toBe("community");
    expect(serviceAreaOfCpv(["45000000", "79600000"])).toBe("employment");
  });

  it("says other for codes it cannot place, and nothing without a code", () => {
    expect(serviceAreaOfCpv(["45000000"])).toBe("other"); // construction work
    expect(serviceAreaOfCpv([])).toBeNull();
    expect(serviceAreaLabel(null)).toBe("Not stated");
    expect(serviceAreaLabel("justice")).toBe("Justice and probation");
  });
});
