import { closeDb } from "@/lib/db/client";
import { orgCreateArguments } from "@/lib/onboarding/command-line";
import { createOrganisationWithAdmin } from "@/lib/services/operators";

/**
 * For whoever runs the service: makes an organisation (usually a council's commissioner account)
 * with its first administrator, who is emailed a link to choose a password. The same as approving
 * a request on /operator/requests.
 *   npm run org:create -- --type commissioner --name "Northmoor County Council" \
 *     --admin-email ann@northmoor.gov.uk --admin-name "Ann Smith"
 */
async function main() {
  try {
    const input = orgCreateArguments(process.argv.slice(2));
    const created = await createOrganisationWithAdmin(input);
    console.info(
      `${input.name} is on Chainwise, with ${input.adminEmail} as its administrator. ` +
        (created.welcomed
          ? "They have been emailed a link to choose a password (it works for one hour; /forgot-password sends another)."
          : "They already had an account and have been told by email."),
    );
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
