import { describedBy, FieldFrame } from "./field-frame";

/** A labelled file input in the GOV.UK frame: hint, and the error beside it with a red bar. */
export function FileField({
  name,
  label,
  hint,
  error,
  accept,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  accept?: string;
}) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}
