import { framework as version1 } from "./current";
import { ncvoSercoFrameworkV2 } from "./ncvo-serco-v2";
import { parseFramework } from "./parse";
import type { Framework } from "./schema";

/** Version 2, checked and with defaults filled in. */
export const frameworkV2 = parseFramework(ncvoSercoFrameworkV2);

/** Every framework version an assessment can be answered against, oldest first. */
export const FRAMEWORK_VERSIONS: readonly Framework[] = [version1, frameworkV2];

/** The newest version: what a commissioner is offered first for a new cycle. */
export const latestFramework = frameworkV2;

/**
 * A new cycle's version chosen as "its period's": the version other cycles of that period already
 * use, on any contract, so its figures can be pooled with theirs; the newest for a new period.
 */
export const PERIOD_VERSION = "period";

/** The framework version with this id and version, or undefined. */
export function findFramework(id: string, version: string): Framework | undefined {
  return FRAMEWORK_VERSIONS.find((f) => f.id === id && f.version === version);
}

/** The framework an assessment or cycle was answered against; throws for one that is not shipped. */
export function frameworkFor(id: string, version: string): Framework {
  const found = findFramework(id, version);
  if (!found) throw new Error(`framework ${id} ${version} is not available`);
  return found;
}
