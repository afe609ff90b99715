/** A one-line form's error, shown under it and announced: for forms too small for an error summary. */
export function InlineError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="w-full font-bold text-error">
      {message}
    </p>
  );
}
