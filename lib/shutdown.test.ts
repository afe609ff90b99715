import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { type SignalTarget, stopBeforeExit } from "./shutdown";

/** A stand-in for `process`: signals are events, and exiting is recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const target = Object.assign(emitter, {
    exit: (code: number) => {
      exits.push(code);
      return undefined;
    },
  }) as unknown as SignalTarget & EventEmitter;
  return { target, exits };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("stopBeforeExit", () => {
  it("stops the queue before Next.js's own handler closes the server and exits", async () => {
    const { target, exits } = fakeProcess();
    const order: string[] = [];
    target.on("SIGTERM", () => order.push("next.js cleanup"));
    let finish = () => {};
    stopBeforeExit(
      () => {
        order.push("queue stopping");
        return new Promise<void>((resolve) => {
          finish = () => {
            order.push("queue stopped");
            resolve();
          };
        });
      },
      { target },
    );
    target.emit("SIGTERM", "SIGTERM");
    await settle();
    // The batch under way is still being written: Next.js has not been let exit yet.
    expect(order).toEqual(["queue stopping"]);
    finish();
    await settle();
    expect(order).toEqual(["queue stopping", "queue stopped", "next.js cleanup"]);
    expect(exits).toEqual([]);
  });

  it("exits as the signal would have, when nothing else handles it, and stops once for two signals", async () => {
    const { target, exits } = fakeProcess();
    let stops = 0;
    stopBeforeExit(
      async () => {
        stops++;
      },
      { target },
    );
    target.emit("SIGINT", "SIGINT");
    target.emit("SIGTERM", "SIGTERM");
    await settle();
    expect(stops).toBe(1);
    expect(exits).toEqual([130, 143]);
  });

  it("does not wait for ever on a queue that will not stop", async () => {
    const { target, exits } = fakeProcess();
    stopBeforeExit(() => new Promise<void>(() => {}), { target, timeoutMs: 10 });
    target.emit("SIGTERM", "SIGTERM");
    await settle();
    expect(exits).toEqual([143]);
  });
});
