/**
 * The questionnaire's field names and ids, shared by the page (in the browser too) and the form
 * reader. Nothing else here: see lib/framework/constants.ts for why browser code stays off zod.
 */

export const EVIDENCE_MAX = 2000;

/** Form field names. Question keys are already safe as names. */
export const fieldName = {
  answer: (key: string) => key,
  nonAnswer: (key: string) => `${key}:non`,
  evidence: (key: string) => `${key}:evidence`,
};

/** The id of the first control of a question, for error-summary links and labels. */
export function fieldId(key: string, part: "answer" | "evidence" = "answer"): string {
  return `${part === "evidence" ? "evidence" : "q"}-${key.replace(/\./g, "-")}`;
}
