import { format, stripVTControlCharacters } from "node:util";

/**
 * What a test logs through console.error and console.warn. Any such line fails the test that wrote
 * it (see fail-on-console.ts) unless the test declared it beforehand with {@link expectConsoleError}
 * or {@link expectConsoleWarn}: a log nobody expected is a defect or a test that forgot to say so.
 */

export type LoggedLevel = "error" | "warn";

interface Expectation {
  level: LoggedLevel;
  pattern: RegExp | string;
  /** The lines that matched, as logged (colours removed). */
  lines: string[];
}

let expected: Expectation[] = [];
let unexpected: string[] = [];

function addExpectation(level: LoggedLevel, pattern: RegExp | string): { lines: readonly string[] } {
  const expectation = { level, pattern, lines: [] };
  expected.push(expectation);
  return expectation;
}

/**
 * This test will log at least one console.error matching `pattern` (a substring, or a regular
 * expression tried against the formatted line). The line is not printed; the test fails if none comes.
 * Returns the matching lines, for a test that checks what they say.
 */
export const expectConsoleError = (pattern: RegExp | string) => addExpectation("error", pattern);

/** As {@link expectConsoleError}, for console.warn. */
export const expectConsoleWarn = (pattern: RegExp | string) => addExpectation("warn", pattern);

/** Records one call; false when nobody expected it, so the caller prints it. */
export function recordConsoleCall(level: LoggedLevel, args: unknown[]): boolean {
  // Libraries colour their lines (Better Auth does on a terminal); match the words, not the escapes.
  const line = stripVTControlCharacters(format(...args));
  const match = expected.find(
    (e) =>
      e.level === level && (typeof e.pattern === "string" ? line.includes(e.pattern) : e.pattern.test(line)),
  );
  if (match) {
    match.lines.push(line);
    return true;
  }
  unexpected.push(`console.${level}: ${line}`);
  return false;
}

/** What went wrong since the last call (unexpected lines, expected lines that never came), then forgets it. */
export function takeConsoleProblems(): string[] {
  const problems = [
    ...unexpected,
    ...expected
      .filter((e) => e.lines.length === 0)
      .map((e) => `expected a console.${e.level} matching ${String(e.pattern)}, but none was logged`),
  ];
  expected = [];
  unexpected = [];
  return problems;
}
