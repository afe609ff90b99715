import { closeDb } from "@/lib/db/client";
import { operatorAddArguments } from "@/lib/onboarding/command-line";
import { addOperator } from "@/lib/services/operators";

/**
 * Makes a person an operator of this Chainwise service: they approve councils' account requests at
 * /operator/requests. Only this command can make one; run it on the server.
 *   npm run operator:add -- --email you@example.org --name "Your Name"
 */
async function main() {
  try {
    const input = operatorAddArguments(process.argv.slice(2));
    const { welcomed } = await addOperator(input);
    console.info(
      `${input.email} is an operator.` +
        (welcomed ? " They have been emailed a link to choose a password." : " They sign in as usual."),
    );
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
