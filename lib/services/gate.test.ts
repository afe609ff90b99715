import { describe, expect, it } from "vitest";
import { createGate, createSharedRuns } from "./gate";

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

describe("createSharedRuns", () => {
  it("gives callers during a run the next run, shared, and never an earlier result", async () => {
    const run = createSharedRuns<number>();
    let runs = 0;
    let value = 0;
    const work = async () => {
      runs++;
      const read = value;
      await tick();
      return read;
    };
    const first = run("a", work);
    value = 1;
    const during = [run("a", work), run("a", work), run("a", work)];
    expect(await first).toBe(0);
    expect(await Promise.all(during)).toEqual([1, 1, 1]);
    expect(runs).toBe(2);
    // Once nothing is running, the next call starts afresh.
    value = 2;
    expect(await run("a", work)).toBe(2);
    expect(runs).toBe(3);
  });

  it("keeps keys apart, and passes a failure to the callers of that run only", async () => {
    const run = createSharedRuns<string>();
    const failing = run("a", async () => {
      await tick();
      throw new Error("no database");
    });
    const waiting = run("a", async () => "next run");
    const other = run("b", async () => "other key");
    await expect(failing).rejects.toThrow("no database");
    await expect(waiting).resolves.toBe("next run");
    await expect(other).resolves.toBe("other key");
  });
});

describe("createSharedRuns with keepMs", () => {
  it("answers later calls with a kept result until it is too old or forgotten", async () => {
    const run = createSharedRuns<number>();
    let runs = 0;
    const work = async () => ++runs;
    expect(await run("a", work, { keepMs: 60_000 })).toBe(1);
    expect(await run("a", work, { keepMs: 60_000 })).toBe(1);
    // Without keepMs nothing is kept for the next key's callers either.
    expect(await run("b", work)).toBe(2);
    expect(await run("b", work)).toBe(3);
    run.forget();
    expect(await run("a", work, { keepMs: 60_000 })).toBe(4);
    expect(await run("a", work, { keepMs: 1 })).toBe(4);
    await tick();
    await tick();
    expect(await run("c", work, { keepMs: 1 })).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await run("c", work, { keepMs: 1 })).toBe(6);
  });
});

describe("createSharedRuns with staleMs", () => {
  it("answers past keepMs with the kept result while one refresh runs, then with the refresh", async () => {
    const run = createSharedRuns<number>();
    let runs = 0;
    let finish: () => void = () => {};
    const work = () => {
      runs++;
      const value = runs;
      if (value === 1) return Promise.resolve(value);
      return new Promise<number>((resolve) => {
        finish = () => resolve(value);
      });
    };
    const options = { keepMs: 1, staleMs: 60_000 };
    expect(await run("a", work, options)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Past keepMs: the kept result answers at once, and one refresh starts for all of them.
    expect(await run("a", work, options)).toBe(1);
    expect(await run("a", work, options)).toBe(1);
    expect(runs).toBe(2);
    finish();
    await tick();
    await tick();
    expect(await run("a", work, options)).toBe(2);
  });

  it("waits for a new run once the kept result is older than staleMs", async () => {
    const run = createSharedRuns<number>();
    let runs = 0;
    const work = async () => ++runs;
    expect(await run("a", work, { keepMs: 1, staleMs: 2 })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await run("a", work, { keepMs: 1, staleMs: 2 })).toBe(2);
  });
});
