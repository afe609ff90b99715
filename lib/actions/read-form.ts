import type { z } from "zod";
import type { FieldError, TypedValues } from "@/lib/questionnaire/form";
import type { FormState } from "./form-state";

/** Reads a form against a schema; on failure, the error summary and the typed values (never passwords). */
export function readForm<T extends z.ZodType>(
  schema: T,
  form: FormData,
  fields: readonly string[],
): { ok: true; data: z.infer<T>; typed: TypedValues } | { ok: false; state: FormState } {
  const raw: Record<string, string> = {};
  for (const field of fields) {
    const value = form.get(field);
    raw[field] = typeof value === "string" ? value : "";
  }
  const typed: TypedValues = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !key.toLowerCase().includes("password") && key !== "token"),
  );
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, typed };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ href: `#field-${field}`, questionKey: field, message: issue.message });
  }
  return { ok: false, state: { status: "error", errors, typed } };
}
