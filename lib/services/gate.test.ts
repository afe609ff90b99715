import { describe, expect, it } from "vitest";
import { createGate } from "./gate";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createGate", () => {
  it("runs at most the limit at once, the rest in the order they came", async () => {
    const run = createGate(2);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const work = (n: number) =>
      run(async () => {
        started.push(n);
        active++;
        most = Math.max(most, active);
        await tick();
        active--;
        return n * 10;
      });
    const results = await Promise.all([1, 2, 3, 4, 5].map(work));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it("lets the next one in when work fails, and passes the failure on", async () => {
    const run = createGate(1);
    const failed = run(async () => {
      await tick();
      throw new Error("no database");
    });
    const next = run(async () => "ran");
    await expect(failed).rejects.toThrow("no database");
    await expect(next).resolves.toBe("ran");
  });

  it("refuses a limit that is not a whole number of at least one", () => {
    expect(() => createGate(0)).toThrow();
    expect(() => createGate(1.5)).toThrow();
  });
});
