"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, FieldMessages } from "@/components/ui/field-frame";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { releasePeriodAction } from "@/lib/actions/releases";

/**
 * Release a period's closed cycles now: which period, and a tick to say the person knows it is for
 * good. A plain form post, so it works without JavaScript; errors in the GOV.UK summary.
 */
export function ReleaseForm({ periods }: { periods: readonly { period: string; releasable: number }[] }) {
  const [state, action, pending] = useActionState(releasePeriodAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  const chosen = typed("period", periods.length === 1 ? (periods[0]?.period ?? "") : "");
  const periodError = error("period");
  const confirmError = error("confirm");
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-3xl">
        <fieldset
          aria-describedby={describedBy("field-period", undefined, periodError)}
          className={`mb-6 ${periodError ? "border-l-4 border-error pl-4" : ""}`}
        >
          <legend className="mb-2 text-lg font-bold">Which period?</legend>
          <FieldMessages id="field-period" error={periodError} />
          <div className="space-y-2">
            {periods.map((p, index) => {
              const id = index === 0 ? "field-period" : `field-period-${index}`;
              return (
                <div key={p.period} className="flex items-start gap-3">
                  <input
                    id={id}
                    type="radio"
                    name="period"
                    value={p.period}
                    defaultChecked={chosen === p.period}
                    className="mt-1 size-7 shrink-0 accent-ink"
                  />
                  <label htmlFor={id} className="pt-0.5">
                    {p.period} ({p.releasable} closed {p.releasable === 1 ? "cycle" : "cycles"} not yet
                    released)
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className={`mb-6 ${confirmError ? "border-l-4 border-error pl-4" : ""}`}>
          <FieldMessages id="field-confirm" error={confirmError} />
          <div className="flex items-start gap-3">
            <input
              id="field-confirm"
              type="checkbox"
              name="confirm"
              value="yes"
              aria-describedby={describedBy("field-confirm", "yes", confirmError)}
              aria-invalid={confirmError ? true : undefined}
              className="mt-1 h-6 w-6 shrink-0"
            />
            <div>
              <label htmlFor="field-confirm" className="font-bold">
                I understand that released figures are published for good
              </label>
              <p id="field-confirm-hint" className="text-muted">
                Primes, and partners on their rating lists, can read them straight away. They are worked out
                once and never change; a cycle that closes later gets its own release.
              </p>
            </div>
          </div>
        </div>
        <Button disabled={pending}>Release now</Button>
      </form>
    </>
  );
}
