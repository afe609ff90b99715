import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, failures, saveKeyPages, validateFiles } from "@/checks/html";
import { BUDGET, budget } from "./support/budget";
import { expect, test } from "./support/test";

/**
 * The key pages, fetched as their actors from the test server and saved as served, are valid HTML
 * by the W3C Nu HTML Checker (vnu-jar, on the installed Java). The same check as
 * `npm run check:html`; the markup it accepts from Next.js itself is listed in checks/html.ts.
 */
test("the key pages are valid HTML by the Nu HTML Checker", async ({ baseURL }) => {
  test.setTimeout(budget({ requests: 14 }) + BUDGET.htmlChecker);
  const folder = mkdtempSync(path.join(tmpdir(), "chainwise-html-"));
  try {
    const files = await saveKeyPages(baseURL ?? "", folder);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const messages = validateFiles(files);
    expect(failures(messages).map(describe)).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
