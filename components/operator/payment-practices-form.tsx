"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField } from "@/components/ui/file-field";
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
        <FileField
          name="file"
          label="Upload the payment practices CSV"
          hint="The file of all reports from the government's “Check payment practices” service, as downloaded."
          error={
            errors.length === 0
              ? undefined
              : errors.length === 1
                ? errors[0]?.message
                : `${errors.length} lines need correcting (listed above).`
          }
          accept=".csv,text/csv"
        />
        <Button disabled={pending}>Import</Button>
      </form>
    </>
  );
}
