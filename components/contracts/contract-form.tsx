"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextField } from "@/components/ui/text-field";
import { createContractAction } from "@/lib/actions/contracts";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { SERVICE_AREAS, VALUE_BANDS } from "@/lib/contracts/options";

export function ContractForm() {
  const [state, action, pending] = useActionState(createContractAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  const field = (
    name: string,
    label: string,
    extra: { hint?: string; type?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      key={`${name}-${typed(name)}`}
      name={name}
      label={label}
      hint={extra.hint}
      type={extra.type ?? "text"}
      autoComplete="off"
      defaultValue={typed(name)}
      error={error(name)}
    />
  );
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        {field("title", "Contract title")}
        {field("reference", "Your reference", {
          hint: "For example, NCC-2026-031. Each of your contracts needs its own.",
        })}
        <RadioGroup
          key={`valueBand-${typed("valueBand")}`}
          name="valueBand"
          legend="Total value"
          options={VALUE_BANDS.map((band) => ({ value: band, label: band }))}
          value={typed("valueBand")}
          error={error("valueBand")}
        />
        <RadioGroup
          key={`serviceArea-${typed("serviceArea")}`}
          name="serviceArea"
          legend="Service area"
          hint="The kind of service the contract buys: your overview can be filtered by it."
          options={SERVICE_AREAS.map((area) => ({ value: area.value, label: area.label }))}
          value={typed("serviceArea")}
          error={error("serviceArea")}
        />
        {field("startDate", "Start date", { type: "date", hint: "For example, 2026-04-01" })}
        {field("endDate", "End date (optional)", { type: "date" })}
        {field("ocid", "Open contracting identifier (optional)", {
          hint: "The ocid from Contracts Finder or Find a Tender, if it has one.",
        })}
        <h2 className="mt-8 mb-4 text-2xl font-bold">Prime contractors</h2>
        {field("prime1", "Prime contractor", { hint: "The organisation's name, as on the contract." })}
        {field("company1", "Companies House number (optional)", {
          hint: "It tells Chainwise which company this is when others have a similar name, for example 01616977.",
        })}
        {field("lot1", "Lot or area (optional)")}
        {field("prime2", "Second prime contractor (optional)", {
          hint: "If the contract is let in lots to more than one prime.",
        })}
        {field("company2", "Second prime's Companies House number (optional)")}
        {field("lot2", "Second lot or area (optional)")}
        <Button disabled={pending}>Create contract</Button>
      </form>
    </>
  );
}
