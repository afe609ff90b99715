"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { importPaymentPracticesAction, type PaymentPracticesState } from "@/lib/actions/payment-practices";

const initial: PaymentPracticesState = { status: "idle", errors: [] };

export function PaymentPracticesForm() {
  const [state, action, pending] = useActionState(importPaymentPracticesAction, initial);
  const errors = state.errors.filter((e) => e.questionKey === "file");
  const result = state.result;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      {result ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          <p className="font-bold">
            {result.added} new report{result.added === 1 ? "" : "s"} imported; {result.alreadyHeld} already
            held.
          </p>
          <p>
            {result.primesMatched.length > 0
              ? `Primes with reports in this file: ${result.primesMatched.join(", ")}.`
              : "No prime on Chainwise has its Companies House number in this file yet."}
          </p>
        </div>
      ) : null}
      <form action={action} className="max-w-2xl">
        <div className={`mb-6 ${errors.length > 0 ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="field-file" className="mb-1 block text-lg font-bold">
            Upload the payment practices CSV
          </label>
          <p id="field-file-hint" className="mb-2 text-muted">
            The file of all reports from the government's “Check payment practices” service, as downloaded.
          </p>
          {errors.length > 0 ? (
            <p id="field-file-error" className="mb-2 font-bold text-error">
              <span className="sr-only">Error: </span>
              {errors.length === 1
                ? errors[0]?.message
                : `${errors.length} lines need correcting (listed above).`}
            </p>
          ) : null}
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={errors.length > 0 ? "field-file-hint field-file-error" : "field-file-hint"}
          />
        </div>
        <Button disabled={pending}>Import</Button>
      </form>
    </>
  );
}
