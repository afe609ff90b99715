import { closeDb } from "@/lib/db/client";
import { releaseDue } from "@/lib/services/releases";

/**
 * Releases partners' figures for every commissioner's period whose cycles have all closed
 * (docs/decisions/0011): run it daily with `npm run releases:due`, like the retention purge. What is
 * due is decided in lib/services/releases.ts; a period with nothing new is left as it is.
 */
async function main() {
  try {
    const outcomes = await releaseDue(new Date());
    const released = outcomes.filter((o) => o.releaseId !== null);
    console.info(
      released.length === 0
        ? "No release was due."
        : released.map((o) => `Released ${o.period}: ${o.scopes} scopes of ${o.primes} primes.`).join("\n"),
    );
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
