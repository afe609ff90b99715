import { test } from "@playwright/test";

/**
 * Time budgets, sized to the work a test does rather than to the clock, and to the slowest
 * machine the suite must pass on: two cores with both taken by other work (`npm run test:stress`,
 * docs/testing.md). A test starts with BUDGET.test; the work below adds its own share, either by
 * itself (an axe check, a server a spec starts) or through `test.setTimeout(budget({ … }))`.
 * Waits end as soon as what they wait for happens, so a large budget costs nothing when a test passes.
 */
export const BUDGET = {
  /** A test that opens a few pages. */
  test: 30_000,
  /** Each further page opened or form sent (a navigation and a server render, or an action). */
  page: 3_000,
  /** Each HTTP request a test sends without a browser (the fuzz spec's posts). */
  request: 500,
  /** Each axe check of a page (added by axeViolations itself). */
  axe: 12_000,
  /** Each `next start` a spec starts of its own (added by startSecondServer itself). */
  server: 90_000,
  /** The Nu HTML Checker: a Java virtual machine started, then a pass over the saved pages. */
  htmlChecker: 60_000,
  /** Lighthouse's accessibility and best-practices audits of one page, in a Chromium of its own. */
  lighthouse: 40_000,
  /** A web-first assertion: what a page does after a click, including a server action and its render. */
  expect: 15_000,
  /** A background job seen through its page: the queue's poll, the work, and the page's next refresh. */
  job: 45_000,
} as const;

/** A test's timeout from its work: BUDGET.test plus each page, request and check beyond it. */
export function budget({
  pages = 0,
  requests = 0,
  axe = 0,
  servers = 0,
}: {
  pages?: number;
  requests?: number;
  axe?: number;
  servers?: number;
}) {
  return (
    BUDGET.test + pages * BUDGET.page + requests * BUDGET.request + axe * BUDGET.axe + servers * BUDGET.server
  );
}

/** Gives the running test (or hook) more time for one more piece of work, when it is inside one. */
export function extendBudget(ms: number) {
  try {
    const info = test.info();
    if (info.timeout > 0) info.setTimeout(info.timeout + ms);
  } catch {
    // Outside a test (a script): no timeout to extend.
  }
}
