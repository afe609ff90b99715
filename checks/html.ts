import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fetchPage, keyPages } from "./pages";

/**
 * `npm run check:html [-- URL]`: fetches the key pages from a running `next start` (default
 * http://localhost:$PORT, 3000), saves them to a temporary folder and checks them with the W3C Nu
 * HTML Checker (the vnu-jar package, run on the installed Java). Exits 1 on any error.
 * tests/e2e/html-validity.spec.ts runs the same check in `npm test`.
 */

export interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

/**
 * Messages about markup the app does not write and cannot change. Each must say whose it is and why
 * it is accepted; a message matched here is still printed, as ignored.
 */
export const IGNORED: { message: RegExp; extract: RegExp; why: string }[] = [
  {
    message: /^Bad value “” for attribute “action” on element “form”: Must be non-empty\.$/,
    // Only the forms React writes for a server action: posted, multipart, with its hidden fields.
    extract: /action="" encType="multipart\/form-data" method="POST"/,
    why:
      'React DOM (bundled by Next.js) writes action="" on every form whose action is a server action, so ' +
      "that without JavaScript it posts back to the page's own address, which is what browsers do with an " +
      "empty action. The only way to change it, useActionState's permalink, keys the state a no-JavaScript " +
      "post brings back by that address alone, so every row's form on a page (member roles, action statuses) " +
      "would show one row's error.",
  },
];

const ignored = (m: VnuMessage) =>
  IGNORED.some((rule) => rule.message.test(m.message) && rule.extract.test(m.extract ?? ""));

/** Errors and warnings; plain information (such as React's "/>" on void elements) is not shown. */
export const shown = (m: VnuMessage) => m.type !== "info" || m.subType === "warning";

/** Runs vnu once over every file; returns its errors and warnings. */
export function validateFiles(files: string[]): VnuMessage[] {
  // The package exports the jar's path (as a String object).
  const jar = String(createRequire(import.meta.url)("vnu-jar"));
  const run = spawnSync("java", ["-jar", jar, "--format", "json", "--stdout", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`could not run Java for the Nu HTML Checker: ${run.error.message}`);
  if (!run.stdout.trim()) throw new Error(`the Nu HTML Checker printed nothing: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
}

/** Errors that fail the check, after IGNORED; a non-document error (an unreadable file) always fails. */
export const failures = (messages: VnuMessage[]) =>
  messages.filter((m) => m.type === "non-document-error" || (m.type === "error" && !ignored(m)));

export function describe(m: VnuMessage): string {
  const file = path.basename(decodeURIComponent(new URL(m.url).pathname));
  const kind = m.type === "info" ? (m.subType ?? "info") : m.type;
  const note = m.type === "error" && ignored(m) ? " (ignored: see IGNORED in checks/html.ts)" : "";
  return `${file}:${m.lastLine ?? "?"} ${kind}${note}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, " ").trim()}` : ""}`;
}

/** Fetches every key page as its actor into `folder`; returns the files written. */
export async function saveKeyPages(base: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const page of await keyPages(base)) {
    const file = path.join(folder, `${page.name}.html`);
    writeFileSync(file, await fetchPage(base, page.path, page.cookie));
    files.push(file);
  }
  return files;
}

async function main() {
  const base = process.argv[2] ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const folder = mkdtempSync(path.join(tmpdir(), "chainwise-html-"));
  const files = await saveKeyPages(base, folder);
  const messages = validateFiles(files);
  for (const m of messages.filter(shown)) console.info(describe(m));
  const failed = failures(messages);
  console.info(
    `${files.length} pages from ${base} saved in ${folder}: ${failed.length} errors, ${messages.filter(shown).length - failed.length} ignored errors and warnings.`,
  );
  if (failed.length > 0) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
