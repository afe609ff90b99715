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

/** A form's error for one field, and what was typed there (or `fallback`), read from its state. */
export function fieldsOf(state: FormState) {
  return {
    error: (name: string) => state.errors.find((e) => e.questionKey === name)?.message,
    typed: (name: string, fallback = "") => {
      const value = state.typed?.[name];
      return typeof value === "string" ? value : fallback;
    },
  };
}

/**
 * For a form about one thing (a file, an identifier): a refusal the service gave as a page-level
 * message (a RuleError) shown as that field's error too, in the summary and beside the field.
 */
export function refusalOnField(state: FormState, field: string): FormState {
  if (state.status !== "error" || state.errors.length > 0 || !state.message) return state;
  return {
    ...state,
    message: undefined,
    errors: [{ href: `#field-${field}`, questionKey: field, message: state.message }],
  };
}
