import type { InputHTMLAttributes } from "react";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A GOV.UK text input: label, optional hint, error message beside the field, nothing clever. */
export function TextField({ name, label, hint, error, className = "", ...input }: Props) {
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
      <input
        id={id}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-md border-2 px-2 py-1.5 ${error ? "border-error" : "border-ink"} ${className}`}
        {...input}
      />
    </div>
  );
}
