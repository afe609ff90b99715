import { Button } from "@/components/ui/button";
import type { CycleSummary } from "@/lib/services/reports";

/** A plain GET form, so choosing a cycle works without JavaScript and the address can be shared. */
export function CycleFilter({
  cycles,
  selected,
  action,
}: {
  cycles: readonly CycleSummary[];
  selected: string | null;
  action: string;
}) {
  if (cycles.length < 2) return null;
  return (
    <form method="get" action={action} className="no-print mb-8 flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="filter-cycle" className="mb-1 block font-bold">
          Rating cycle
        </label>
        <select
          id="filter-cycle"
          name="cycle"
          defaultValue={selected ?? undefined}
          className="border-2 border-ink px-2 py-1.5"
        >
          {[...cycles].reverse().map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" className="mb-0">
        Show
      </Button>
    </form>
  );
}
