import type { z } from "zod";
import { hasNul } from "@/lib/ids";
import type { FieldError, TypedValues } from "@/lib/questionnaire/form";
import type { FormState } from "./form-state";
import { isForm } from "./require-form";

export const NOT_A_FORM = "This form could not be read. Go back, reload the page and try again.";
/** Text with a NUL character (pasted from elsewhere) cannot be stored; say so beside the field. */
export const HIDDEN_CHARACTER =
  "This includes a hidden character that cannot be saved. Delete it, or type the text again";

/** Reads a form against a schema; on failure, the error summary and the typed values (never passwords). */
export function readForm<T extends z.ZodType>(
  schema: T,
  form: FormData,
  fields: readonly string[],
): { ok: true; data: z.infer<T>; typed: TypedValues } | { ok: false; state: FormState } {
  // Actions can be called with anything, not only a form (see require-form.ts).
  if (!isForm(form)) return { ok: false, state: { status: "error", message: NOT_A_FORM, errors: [] } };
  const raw: Record<string, string> = {};
  for (const field of fields) {
    const value = form.get(field);
    raw[field] = typeof value === "string" ? value : "";
  }
  const typed: TypedValues = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !key.toLowerCase().includes("password") && key !== "token"),
  );
  const result = schema.safeParse(raw);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ href: `#field-${field}`, questionKey: field, message });
  };
  for (const issue of result.error?.issues ?? []) refuse(String(issue.path[0] ?? ""), issue.message);
  for (const field of fields) if (hasNul(raw[field] ?? "")) refuse(field, HIDDEN_CHARACTER);
  if (result.success && errors.length === 0) return { ok: true, data: result.data, typed };
  return { ok: false, state: { status: "error", errors, typed } };
}
