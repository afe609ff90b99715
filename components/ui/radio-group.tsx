import { describedBy, FieldMessages } from "./field-frame";

interface Props {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  inline?: boolean;
}

/** GOV.UK radios: a fieldset with a legend, error beside it, the first radio's id `field-<name>`. */
export function RadioGroup({ name, legend, options, value, error, hint, inline = false }: Props) {
  const id = `field-${name}`;
  const describedByIds = describedBy(id, hint, error);
  return (
    <fieldset
      aria-describedby={describedByIds}
      className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}
    >
      <legend className="mb-2 text-lg font-bold">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className={inline ? "flex flex-wrap gap-6" : "space-y-2"}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={value === option.value}
                className="mt-1 size-7 shrink-0 accent-ink"
              />
              <label htmlFor={optionId} className="pt-0.5">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
