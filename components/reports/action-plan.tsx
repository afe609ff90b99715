import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatDate } from "@/lib/format";
import type { PrincipleKey } from "@/lib/framework";
import { ACTION_STATUSES } from "@/lib/reports/forms";
import { principleTitle } from "@/lib/reports/labels";
import type { ActionItem } from "@/lib/services/replies-and-plans";
import { ActionStatusForm, AddActionForm } from "./action-forms";

const STATUS_LABEL = Object.fromEntries(ACTION_STATUSES.map((s) => [s.value, s.label]));

/** The prime's action plan: what it will do, who, by when, and how far it has got. */
export function ActionPlan({
  items,
  editable,
  contractId,
  primeId,
  principles,
}: {
  items: readonly ActionItem[];
  editable: boolean;
  contractId: string;
  primeId: string;
  principles: readonly { key: PrincipleKey; title: string }[];
}) {
  return (
    <section aria-labelledby="action-plan" className="mb-8">
      <h2 id="action-plan" className="mb-4 text-2xl font-bold">
        Action plan
      </h2>
      {items.length === 0 ? (
        <p className="mb-4">No actions yet.</p>
      ) : (
        <ScrollRegion label={"The prime's actions"}>
          <table className="report-table mb-6 w-full border-collapse text-base">
            <caption className="sr-only">The prime&apos;s actions, earliest due first</caption>
            <TableHead
              columns={["Action", "Principle", "Owner", "Due", "Status", "Agreed with the council"]}
            />
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.action}</td>
                  <td>{item.principleKey ? principleTitle(item.principleKey) : "Whole contract"}</td>
                  <td>{item.owner}</td>
                  <td className="whitespace-nowrap">{formatDate(item.dueDate)}</td>
                  <td>
                    {editable ? (
                      <ActionStatusForm
                        contractId={contractId}
                        primeId={primeId}
                        itemId={item.id}
                        status={item.status}
                        label={item.action}
                      />
                    ) : (
                      STATUS_LABEL[item.status]
                    )}
                    {item.doneAt ? (
                      <p className="text-base text-muted">
                        Marked done{item.doneBy ? ` by ${item.doneBy}` : ""} on {formatDate(item.doneAt)}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    {item.agreedAt
                      ? `Agreed${item.agreedBy ? ` by ${item.agreedBy}` : ""} on ${formatDate(item.agreedAt)}`
                      : "Not yet"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {editable ? (
        <details className="no-print">
          <summary className="mb-4 cursor-pointer font-bold text-brand underline">Add an action</summary>
          <AddActionForm contractId={contractId} primeId={primeId} principles={principles} />
        </details>
      ) : null}
    </section>
  );
}
