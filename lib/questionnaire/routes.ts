import type { PrincipleKey } from "@/lib/framework";
import type { PrincipleProgress } from "./progress";

/** Where "Save and continue" goes: the next principle not yet completed, else checking answers. */
export function nextPageAfter(
  assessment: { id: string; progress: readonly PrincipleProgress[] },
  saved: PrincipleKey,
): string {
  const order = assessment.progress;
  const from = order.findIndex((p) => p.key === saved);
  const rotated = [...order.slice(from + 1), ...order.slice(0, from + 1)];
  const next = rotated.find((p) => p.status !== "completed");
  return next ? `/assessments/${assessment.id}/${next.key}` : `/assessments/${assessment.id}/check`;
}
