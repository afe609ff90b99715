import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseAvailable,
  markDatabaseSuspect,
  RECHECK_AFTER_MS,
  resetDatabaseAvailability,
} from "./availability";

describe("database availability", () => {
  afterEach(() => resetDatabaseAvailability());

  it("trusts an answer for a second, or until something fails", async () => {
    const probe = vi.fn(async () => true);
    expect(await databaseAvailable(probe)).toBe(true);
    expect(await databaseAvailable(probe)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    markDatabaseSuspect();
    expect(await databaseAvailable(probe)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(await databaseAvailable(probe, Date.now() + RECHECK_AFTER_MS + 1)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it("while down, checks again at most once a second, and recovers", async () => {
    let up = false;
    const probe = vi.fn(async () => up);
    const start = Date.now();
    expect(await databaseAvailable(probe, start)).toBe(false);
    expect(await databaseAvailable(probe, start + 10)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
    up = true;
    expect(await databaseAvailable(probe, Date.now() + RECHECK_AFTER_MS + 1)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("shares one check among requests arriving together, and treats a throwing check as down", async () => {
    const probe = vi.fn(
      () => new Promise<boolean>((_, reject) => setTimeout(() => reject(new Error("x")), 5)),
    );
    const answers = await Promise.all(Array.from({ length: 20 }, () => databaseAvailable(probe)));
    expect(answers.every((a) => a === false)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
  });
});
