import { type ChildProcess, spawn } from "node:child_process";

/**
 * Another `next start` of the same build, on its own port and environment, for what the main test
 * server cannot show (no database, HTTPS settings). Stopped by its process group: only what it started.
 */
export interface SecondServer {
  url: string;
  stop(): Promise<void>;
}

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

/** Ports next to the main server's, one offset for each spec's server (see the specs that start them). */
export const secondPort = (offset: number) => BASE_PORT + offset;

export async function startSecondServer(port: number, env: Record<string, string>): Promise<SecondServer> {
  const server: ChildProcess = spawn(
    "npx",
    ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)],
    { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: "ignore", detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`the server on port ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    url,
    stop: async () => {
      if (server.pid && server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        process.kill(-server.pid);
        await exited;
      }
    },
  };
}
