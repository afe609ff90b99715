import { type Framework, type Perspective, type PrincipleKey, principleQuestions } from "@/lib/framework";

export type TaskStatus = "not-started" | "in-progress" | "completed";

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
};

export interface PrincipleProgress {
  key: PrincipleKey;
  title: string;
  status: TaskStatus;
  answered: number;
  total: number;
}

/**
 * Where a respondent is up to, principle by principle. "Don't know" and "Not applicable" count as
 * answers here: the question has been dealt with, even though scoring leaves them out.
 */
export function progress(
  framework: Framework,
  perspective: Perspective,
  answeredKeys: ReadonlySet<string>,
): PrincipleProgress[] {
  return framework.principles.map((principle) => {
    const questions = principleQuestions(framework, principle.key, perspective);
    const answered = questions.filter((q) => answeredKeys.has(q.key)).length;
    const status: TaskStatus =
      answered === 0 ? "not-started" : answered === questions.length ? "completed" : "in-progress";
    return { key: principle.key, title: principle.title, status, answered, total: questions.length };
  });
}

export function isComplete(items: readonly PrincipleProgress[]): boolean {
  return items.every((item) => item.status === "completed");
}
