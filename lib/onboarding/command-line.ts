import { parseArgs } from "node:util";
import { z } from "zod";

/** The operators' commands' arguments, read and checked in one place (tested beside). */

const TYPES = { commissioner: "COMMISSIONER", prime: "PRIME", partner: "SUBCONTRACTOR" } as const;

const email = z.email("--admin-email must be an email address, like name@council.gov.uk");
const name = (flag: string) =>
  z.string().trim().min(1, `${flag} must not be empty`).max(200, `${flag} is too long`);

export const ORG_CREATE_USAGE =
  'Usage: npm run org:create -- --type commissioner|prime|partner --name "Northmoor County Council" ' +
  '--admin-email ann@northmoor.gov.uk --admin-name "Ann Smith"';

export function orgCreateArguments(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      type: { type: "string" },
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
    },
    strict: true,
  });
  const parsed = z
    .object({
      type: z.enum(["commissioner", "prime", "partner"], {
        error: "--type must be commissioner, prime or partner",
      }),
      name: name("--name"),
      adminEmail: email,
      adminName: name("--admin-name"),
    })
    .safeParse({
      type: values.type,
      name: values.name ?? "",
      adminEmail: values["admin-email"] ?? "",
      adminName: values["admin-name"] ?? "",
    });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${ORG_CREATE_USAGE}`);
  }
  return { ...parsed.data, type: TYPES[parsed.data.type] };
}

export const OPERATOR_ADD_USAGE = 'Usage: npm run operator:add -- --email you@example.org --name "Your Name"';

export function operatorAddArguments(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const parsed = z
    .object({ email: z.email("--email must be an email address"), name: name("--name") })
    .safeParse({ email: values.email ?? "", name: values.name ?? "" });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${OPERATOR_ADD_USAGE}`);
  }
  return parsed.data;
}

export const RELEASE_NATIONAL_USAGE = 'Usage: npm run release:national -- --period "2026–27"';

/** The national release's one argument: the period, named as the cycles are. */
export function releaseNationalArguments(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { period: { type: "string" } }, strict: true });
  const parsed = z
    .object({ period: name("--period").max(100, "--period is too long") })
    .safeParse({ period: values.period ?? "" });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${RELEASE_NATIONAL_USAGE}`);
  }
  return parsed.data;
}
