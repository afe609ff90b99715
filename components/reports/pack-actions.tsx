import type { PackAction } from "@/lib/reports/meeting-pack";
import { AgreeActionForm, MarkDoneForm } from "./agreement-forms";

/**
 * The action plan as the meeting pack shows it: each action with who owns it, when it is due, and
 * who agreed it and when. The commissioner gets a button to mark it agreed, and one to mark it done.
 */
export function PackActions({
  actions,
  commissioner,
  target,
}: {
  actions: readonly PackAction[];
  /** The reader is the contract's commissioner: it may agree actions and mark them done. */
  commissioner: boolean;
  target: { contractId: string; primeId: string; cycleId: string | null };
}) {
  return (
    <section aria-labelledby="actions" className="mb-8">
      <h2 id="actions" className="mb-4 text-2xl font-bold">
        Action plan
      </h2>
      {actions.length === 0 ? (
        <p>The prime has not added any actions yet.</p>
      ) : (
        <ol className="max-w-3xl space-y-6">
          {actions.map((a) => (
            <li key={a.id} className="break-inside-avoid border-l-4 border-brand pl-4">
              <h3 className="mb-2 text-xl font-bold break-words">{a.action}</h3>
              <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-bold">Principle</dt>
                <dd>{a.principle}</dd>
                <dt className="font-bold">Owner</dt>
                <dd className="break-words">{a.owner}</dd>
                <dt className="font-bold">Due</dt>
                <dd>{a.due}</dd>
                <dt className="font-bold">Status</dt>
                <dd>{a.status}</dd>
              </dl>
              <p className={a.agreed ? "font-bold" : ""}>{a.agreed ?? "Not agreed yet."}</p>
              {a.doneNote ? <p>{a.doneNote}</p> : null}
              {commissioner && (!a.agreed || !a.done) ? (
                <div className="mt-3 flex flex-wrap gap-4">
                  {a.agreed ? null : <AgreeActionForm {...target} itemId={a.id} label={a.action} />}
                  {a.done ? null : <MarkDoneForm {...target} itemId={a.id} label={a.action} />}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
