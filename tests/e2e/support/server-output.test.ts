import { describe, expect, it } from "vitest";
import { ruleFor } from "./server-output";

const STARTING = "health check: database unreachable Error: no answer within 3000 ms";

describe("ruleFor", () => {
  it("expects a worker's server to log its database starting while no test runs", () => {
    expect(ruleFor(STARTING, null)?.name).toBe("embedded database still starting");
  });

  it("still fails a test during which the database stops answering, outside the specs that provoke it", () => {
    expect(ruleFor(STARTING, "reports.spec.ts")).toBeUndefined();
    expect(ruleFor(STARTING, "accessibility.spec.ts")?.name).toBe("embedded database still starting");
  });
});
