import { belowTarget, runLighthouse, summary, TARGETS } from "@/checks/lighthouse";
import { BUDGET } from "./support/budget";
import { expect, test } from "./support/test";

/**
 * Lighthouse's accessibility and best-practices scores on the home page, a questionnaire page and
 * a report page meet their targets (the same run as `npm run check:lighthouse`, writing nothing).
 */
test(`Lighthouse: accessibility ${TARGETS.accessibility}, best practices at least ${TARGETS["best-practices"]}`, async ({
  baseURL,
}) => {
  test.setTimeout(BUDGET.test + 3 * BUDGET.lighthouse);
  const { results } = await runLighthouse(baseURL ?? "");
  expect(results).toHaveLength(3);
  expect(belowTarget(results).length, summary(results).join("\n")).toBe(0);
});
