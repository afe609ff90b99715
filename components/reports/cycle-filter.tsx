import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
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
      <SelectField
        name="cycle"
        label="Rating cycle"
        value={selected ?? undefined}
        options={[...cycles].reverse().map((cycle) => ({ value: cycle.id, label: cycle.name }))}
      />
      <Button variant="secondary" className="mb-0">
        Show
      </Button>
    </form>
  );
}
