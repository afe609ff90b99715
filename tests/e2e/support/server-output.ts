import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { EXPECTED_SERVER_OUTPUT, type ExpectedOutput, OUTSIDE_TESTS } from "./expected-output";
import { LOG_DIR } from "./run-settings";

/**
 * What the app servers write to stderr, read as they write it and held to EXPECTED_SERVER_OUTPUT:
 * every entry (a line, with its stack and Next.js's "Read more" line) must match a rule that names
 * the spec it came during, or the test fails. Nothing a server prints goes unread.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what it removes
const ANSI = /\u001b\[[0-9;]*m/g;

/** Where a write to stderr began (stderr-records.cjs marks each one). */
export const RECORD = "\u001e";

/**
 * Splits stderr text into entries, one per write (a console.error call with its error and stack),
 * each trimmed. Text from a process not preloaded with stderr-records.cjs is one entry per line.
 */
export function entriesOf(text: string): string[] {
  const clean = text.replace(ANSI, "");
  const pieces = clean.includes(RECORD) ? clean.split(RECORD) : clean.split("\n");
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== "");
}

/** Matches an entry's first line to a rule for this spec (null: outside any test). */
export function ruleFor(entry: string, spec: string | null): ExpectedOutput | undefined {
  const head = entry.split("\n")[0] ?? "";
  return EXPECTED_SERVER_OUTPUT.find(
    (rule) => rule.message.test(head) && (rule.specs === "any" || rule.specs.includes(spec ?? OUTSIDE_TESTS)),
  );
}

/** One server's stderr file, read from where the last reading stopped. */
export class ServerLog {
  private offset = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly name: string,
  ) {}

  /** The text written since the last call. */
  takeText(): string {
    if (!existsSync(this.file)) return "";
    const size = statSync(this.file).size;
    if (size <= this.offset) return "";
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, "r");
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    // Stop at the last complete line; the rest is read next time.
    const text = buffer.toString("utf8");
    const end = text.lastIndexOf("\n") + 1;
    this.offset += Buffer.byteLength(text.slice(0, end));
    return text.slice(0, end);
  }

  /**
   * Reads what was written since the last call, counts the expected entries, and returns the
   * unexpected ones, each as the server wrote it.
   */
  check(spec: string | null): string[] {
    const unexpected: string[] = [];
    for (const entry of entriesOf(this.takeText())) {
      const rule = ruleFor(entry, spec);
      if (!rule) {
        unexpected.push(entry);
        continue;
      }
      const key = `${rule.name} [${spec ?? OUTSIDE_TESTS}]`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    return unexpected;
  }

  /** Writes what was expected, by rule, for the run's summary. */
  saveCounts(id: string) {
    writeFileSync(
      path.join(LOG_DIR, `expected-${id}.json`),
      JSON.stringify(Object.fromEntries(this.counts), null, 1),
    );
  }
}

export function describeUnexpected(log: ServerLog, entries: string[]): string {
  return (
    `${log.name} wrote ${entries.length} unexpected entr${entries.length === 1 ? "y" : "ies"} to stderr ` +
    `(add a rule with its reason to tests/e2e/support/expected-output.ts only if it is really expected):\n` +
    entries.map((e) => e.split("\n").slice(0, 8).join("\n")).join("\n---\n")
  );
}

/** After the run: how many expected entries each rule let through, so they stay visible. */
export function reportServerOutput() {
  if (!existsSync(LOG_DIR)) return;
  const starts = readdirSync(LOG_DIR)
    .filter((n) => n.endsWith(".started"))
    .map(
      (n) =>
        `${n.replace(/\.started$/, "")} ${(Number(readFileSync(path.join(LOG_DIR, n), "utf8")) / 1000).toFixed(1)} s`,
    );
  if (starts.length > 0) console.info(`e2e: worker database and server ready in ${starts.join(", ")}`);
  const totals = new Map<string, number>();
  for (const name of readdirSync(LOG_DIR).filter((n) => n.startsWith("expected-"))) {
    const counts = JSON.parse(readFileSync(path.join(LOG_DIR, name), "utf8")) as Record<string, number>;
    for (const [key, count] of Object.entries(counts)) totals.set(key, (totals.get(key) ?? 0) + count);
  }
  if (totals.size === 0) return;
  const lines = [...totals].sort((a, b) => b[1] - a[1]).map(([key, count]) => `  ${count} × ${key}`);
  console.info(
    `e2e: expected server stderr entries (tests/e2e/support/expected-output.ts):\n${lines.join("\n")}`,
  );
}
