import type { ReactNode } from "react";

/** One column heading: a label, or the label with how the column reads. */
export type Column =
  | string
  | {
      label: ReactNode;
      /** Figures line up on the right. */
      numeric?: boolean;
      /** Heard by screen readers, not shown (a column of buttons, say). */
      hidden?: boolean;
      key?: string;
    };

/**
 * The heading row every table in the app shares: column headers with `scope="col"`, a rule under
 * them, and space between columns but not after the last.
 */
export function TableHead({ columns, alignBottom = false }: { columns: Column[]; alignBottom?: boolean }) {
  return (
    <thead>
      <tr className={`border-b-2 border-ink text-left${alignBottom ? " align-bottom" : ""}`}>
        {columns.map((column, i) => {
          const { label, numeric, hidden, key } = typeof column === "string" ? { label: column } : column;
          const classes = ["py-2", i < columns.length - 1 ? "pr-4" : "", numeric ? "text-right" : ""];
          return (
            <th
              key={key ?? (typeof label === "string" ? label : i)}
              scope="col"
              className={classes.filter(Boolean).join(" ")}
            >
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
