import type { FieldError, TypedValues } from "@/lib/questionnaire/form";

/**
 * The one shape every form action returns: a page-level message and per-field errors, plus what the
 * person typed so nothing is lost when the page shows again. Successful actions redirect instead.
 */
export interface FormState {
  status: "idle" | "error";
  message?: string;
  errors: FieldError[];
  typed?: TypedValues;
  /** For forms that refuse stale saves: the revision to save against next time. */
  revision?: number;
}

export const initialFormState: FormState = { status: "idle", errors: [] };
