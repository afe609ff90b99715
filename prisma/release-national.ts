import { closeDb } from "@/lib/db/client";
import { releaseNationalArguments } from "@/lib/onboarding/command-line";
import { releaseNational } from "@/lib/services/releases";

/**
 * For whoever runs the service: the national release of a period (docs/decisions/0011), after the
 * last cycle of that period has closed everywhere. Publishes each prime's partners' figures across
 * every commissioner, checked against everything the commissioners released; run it again and it
 * publishes only what is new.
 *   npm run release:national -- --period "2026–27"
 */
async function main() {
  try {
    const { period } = releaseNationalArguments(process.argv.slice(2));
    const outcome = await releaseNational(period);
    console.info(
      outcome.releaseId
        ? `Released ${period} nationally: ${outcome.scopes} primes' national figures (${outcome.figures} figures; ${outcome.hidden} held back by the disclosure check).`
        : `Nothing new to release nationally for ${period} (${outcome.hidden} figures held back by the disclosure check).`,
    );
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
