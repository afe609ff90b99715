import type { TextareaHTMLAttributes } from "react";

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A GOV.UK textarea: label, optional hint, error message beside the field. */
export function TextArea({ name, label, hint, error, className = "", ...area }: Props) {
  const id = `field-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block text-lg font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-2xl border-2 p-2 ${error ? "border-error" : "border-ink"} ${className}`}
        {...area}
      />
    </div>
  );
}
