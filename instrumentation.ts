/** Runs once when the server starts: a bad environment stops it here with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("@/lib/startup");
    checkEnvOrExit();
  }
}
