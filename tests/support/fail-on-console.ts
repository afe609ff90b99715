import { afterAll, afterEach, beforeEach } from "vitest";
import { type LoggedLevel, recordConsoleCall, takeConsoleProblems } from "./console";

/**
 * Set up for every unit and integration test file (vitest.config.ts): a console.error or console.warn
 * that the test did not declare with expectConsoleError / expectConsoleWarn (tests/support/console.ts)
 * fails it, as in epic-stack's tests/setup/setup-test-env.ts. The call itself returns normally, so
 * the code under test runs as it would in production; the test fails once it is over.
 */

const original = { error: console.error, warn: console.warn };

function guard(level: LoggedLevel) {
  return (...args: unknown[]) => {
    if (!recordConsoleCall(level, args)) original[level].apply(console, args);
  };
}
const guarded = { error: guard("error"), warn: guard("warn") };

function install() {
  // Again before each test: a spy a test forgot to restore would otherwise hide the next test's logs.
  console.error = guarded.error;
  console.warn = guarded.warn;
}
install();

function failOn(problems: string[], when: string) {
  if (problems.length === 0) return;
  throw new Error(
    `The console, ${when}:\n  ${problems.join("\n  ")}\n` +
      "A test that expects a log says so first: expectConsoleError(pattern) or expectConsoleWarn(pattern) " +
      "from tests/support/console.ts.",
  );
}

beforeEach(() => {
  // Logged while the file loaded or in a beforeAll hook, where no test could have expected it.
  failOn(takeConsoleProblems(), "before this test started (at import or in a beforeAll hook)");
  install();
});

afterEach(() => {
  failOn(takeConsoleProblems(), "during this test");
});

afterAll(() => {
  failOn(takeConsoleProblems(), "after the last test (in an afterAll hook)");
});
