/**
 * Output that is expected while the browser tests run, each with the reason it is expected and the
 * specs it may come from. Anything else a server writes to stderr, or a page logs as a console
 * error, fails the test it happened in (tests/e2e/support/test.ts). Add a rule only for output a
 * test provokes on purpose, and say why it is right for the app to write it.
 */
/** In a rule's specs: output written while no test runs (a worker's server starting or stopping). */
export const OUTSIDE_TESTS = "outside tests";

export interface ExpectedOutput {
  /** A short name for the run's summary. */
  name: string;
  /** Matched against the first line of an entry (colour codes removed). */
  message: RegExp;
  /** Spec files (base names) it may come from; "any" only for output that is no test's doing. */
  specs: readonly string[] | "any";
  why: string;
}

export const EXPECTED_SERVER_OUTPUT: ExpectedOutput[] = [
  {
    name: "upload over the import's limit",
    message: /^Request body exceeded 51MB for \/contracts\/import\. Only the first 51MB will be available/,
    specs: ["ocds-upload.spec.ts", "security-headers.spec.ts"],
    why:
      "These specs post a file over the import's 50 MB limit. Next.js copies a request body for the proxy up " +
      "to proxyClientMaxBodySize and warns when a body is longer; proxy.ts then refuses it by its declared " +
      "length (lib/http/body-limit.ts), so the part not copied is never needed.",
  },
  {
    name: "body that is not a server action call",
    message: /^Error: Invalid Server Actions request\.$/,
    specs: ["fuzz.spec.ts"],
    why:
      "The fuzz spec sends every server action bodies that are not a form or an argument list; Next.js " +
      "refuses each with a 4xx and logs it.",
  },
  {
    name: "sign-in for an address with no account",
    message: /^\S+ WARN \[Better Auth\]: User not found$/,
    specs: ["accounts.spec.ts", "two-instances.spec.ts", "fuzz.spec.ts", "privacy.spec.ts"],
    why:
      "Specs try signing in as nobody@example.org (the limit on failed sign-ins, odd input); Better Auth " +
      "logs each failed attempt as a warning and the page says the details do not match.",
  },
  {
    name: "sign-in with a wrong password",
    message: /^\S+ WARN \[Better Auth\]: Invalid password$/,
    specs: ["accounts.spec.ts", "two-instances.spec.ts", "fuzz.spec.ts", "privacy.spec.ts"],
    why: "Specs sign in with a wrong password on purpose; Better Auth logs each failed attempt as a warning.",
  },
  {
    name: "sign-in link to another site",
    message: /^\S+ ERROR \[Better Auth\]: Invalid callbackURL: /,
    specs: ["fuzz.spec.ts"],
    why:
      "The fuzz spec sends Better Auth callback URLs on other sites and javascript: URLs; it refuses them " +
      "(403) and logs each as an error.",
  },
  {
    name: "embedded database still starting",
    message: /^health check: database unreachable Error: no answer within \d+ ms/,
    // Also outside tests: every worker's own server starts this way while the harness waits for it
    // (seen at load average 13–15). Within any other spec it would be a real stall, and fails.
    specs: ["security-headers.spec.ts", "accessibility.spec.ts", OUTSIDE_TESTS],
    why:
      "Servers on an embedded PGlite (each worker's, and those some specs start) open their database on " +
      "the first query: seconds on a loaded machine. Until then /api/health answers 503 and logs why; the " +
      "harness (app-server.ts, startSecondServer) waits for it to answer 200 before any test uses the server.",
  },
  {
    name: "health check while the database is unreachable",
    message: /^health check: database unreachable /,
    specs: ["database-down.spec.ts", "accessibility.spec.ts"],
    why:
      "These specs start servers whose database cannot be reached, or take it away; the health check logs " +
      "why it answers 503, which is what an operator needs to see.",
  },
];

/** Specs that open, on purpose, pages a visitor may not see or that are down, and check the status. */
const REFUSED_PAGES = [
  "accessibility.spec.ts",
  "contracts.spec.ts",
  "database-down.spec.ts",
  "evidence.spec.ts",
  "payment-practices.spec.ts",
  "organisation-merge.spec.ts",
  "demo-mode-off.spec.ts",
  "privacy.spec.ts",
  "production-mode.spec.ts",
  "releases.spec.ts",
  "reports.spec.ts",
  "self-assessment-lock.spec.ts",
];

/** Console errors pages may log while a test runs, on the same terms. */
export const EXPECTED_BROWSER_ERRORS: ExpectedOutput[] = [
  {
    name: "a page refused on purpose",
    message:
      /^console\.error: Failed to load resource: the server responded with a status of (404 \(Not Found\)|503 \(Service Unavailable\))/,
    specs: REFUSED_PAGES,
    why:
      "Chromium logs every response of 400 or more as a console error, the page itself included. These specs " +
      "open pages that are not found for the visitor, or a server whose database is down, and assert the " +
      "status themselves. Chromium then asks for /favicon.ico, which the app does not serve (its icon is " +
      "/icon.svg, named in every page it renders).",
  },
];
