/** A labelled select, for the plain GET filter forms on reports. */
export function SelectField({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className="max-w-full min-w-0">
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="max-w-full border-2 border-ink px-2 py-1.5">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
