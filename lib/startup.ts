import { loadEnv } from "./env";

/** Stops the server before it serves anything when the environment is wrong, saying what to fix. */
export function checkEnvOrExit() {
  try {
    loadEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
