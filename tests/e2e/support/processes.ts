import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { LOG_DIR } from "./run-settings";

/**
 * Processes the browser tests start (app servers, embedded-database hosts): each in a process group
 * of its own, its output in files, its id noted so the global teardown can end what a crashed worker
 * left behind. Only ever what these tests started.
 */
const PID_DIR = path.join(LOG_DIR, "pids");

/** Node options for the app servers the tests start: each write to stderr marked (stderr-records.cjs). */
export const SERVER_NODE_OPTIONS = `--require ${path.resolve("tests/e2e/support/stderr-records.cjs")}`;

export interface Started {
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  { env, stdout, stderr }: { env: NodeJS.ProcessEnv; stdout: string; stderr: string },
): Started {
  mkdirSync(path.dirname(stdout), { recursive: true });
  mkdirSync(PID_DIR, { recursive: true });
  const out = openSync(stdout, "a");
  const err = openSync(stderr, "a");
  const child = spawn(command, args, { env, stdio: ["ignore", out, err], detached: true });
  closeSync(out);
  closeSync(err);
  const pidFile = child.pid ? path.join(PID_DIR, String(child.pid)) : null;
  if (pidFile) writeFileSync(pidFile, `${command} ${args.join(" ")}\n`);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  void exited.then(() => pidFile && rmSync(pidFile, { force: true }));
  return {
    child,
    exited,
    stop: async () => {
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends the process groups a worker that crashed could not stop (their ids are in PID_DIR). */
export function killLeftovers() {
  let names: string[] = [];
  try {
    names = readdirSync(PID_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 1) signalGroup(pid, "SIGKILL");
    rmSync(path.join(PID_DIR, name), { force: true });
  }
}

/** Whether something already listens on the port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Waits for `ready` to hold, asking every `interval` ms, until `deadline`; fails with `what` and the
 * reason the process gave (when it exited) otherwise.
 */
export async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  { timeout, exited, interval = 200 }: { timeout: number; exited?: Promise<void>; interval?: number },
) {
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await ready()) return;
    if (gone) throw new Error(`${what}: the process exited first`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeout / 1000} s`);
    // Polling a process we started, not waiting on the clock for a page.
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
