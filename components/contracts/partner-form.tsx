"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextField } from "@/components/ui/text-field";
import { addPartnerAction } from "@/lib/actions/contracts";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { CHAIN_STATUSES, REGISTERS, SIZE_BANDS } from "@/lib/contracts/options";

interface Props {
  contractId: string;
  primes: { id: string; name: string; lot: string | null }[];
}

/** Adds a partner to a prime's supply chain; the commissioner, not the prime, keeps this roster. */
export function PartnerForm({ contractId, primes }: Props) {
  const [state, action, pending] = useActionState(addPartnerAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  const onlyPrime = primes.length === 1 ? primes[0] : undefined;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="contractId" value={contractId} />
        {onlyPrime ? (
          <input type="hidden" name="primeId" value={onlyPrime.id} />
        ) : (
          <RadioGroup
            key={`primeId-${typed("primeId")}`}
            name="primeId"
            legend="Whose supply chain"
            options={primes.map((p) => ({ value: p.id, label: p.lot ? `${p.name} (${p.lot})` : p.name }))}
            value={typed("primeId")}
            error={error("primeId")}
          />
        )}
        <TextField
          key={`name-${typed("name")}`}
          name="name"
          label="Partner organisation's name"
          autoComplete="organization"
          defaultValue={typed("name")}
          error={error("name")}
        />
        <RadioGroup
          key={`register-${typed("register")}`}
          name="register"
          legend="Registered as (if you know)"
          options={[...REGISTERS, { value: "none", label: "Not registered, or not known" }]}
          value={typed("register")}
          error={error("register")}
        />
        <TextField
          key={`registeredNumber-${typed("registeredNumber")}`}
          name="registeredNumber"
          label="Charity or company number"
          hint="Optional. It tells Chainwise which organisation this is when others have a similar name, for example 1098765 or SC012345."
          spellCheck={false}
          defaultValue={typed("registeredNumber")}
          error={error("registeredNumber")}
        />
        <RadioGroup
          key={`sector-${typed("sector")}`}
          name="sector"
          legend="What kind of organisation"
          options={[
            { value: "VCSE", label: "Voluntary, community or social enterprise" },
            { value: "SME", label: "Small or medium business" },
          ]}
          value={typed("sector")}
          error={error("sector")}
        />
        <RadioGroup
          key={`sizeBand-${typed("sizeBand")}`}
          name="sizeBand"
          legend="Size, by yearly income"
          options={SIZE_BANDS}
          value={typed("sizeBand")}
          error={error("sizeBand")}
        />
        <RadioGroup
          key={`namedInBid-${typed("namedInBid")}`}
          name="namedInBid"
          legend="Was it named in the prime's bid?"
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
          value={typed("namedInBid")}
          error={error("namedInBid")}
          inline
        />
        <RadioGroup
          key={`status-${typed("status")}`}
          name="status"
          legend="Status now"
          options={CHAIN_STATUSES}
          value={typed("status")}
          error={error("status")}
        />
        <Button disabled={pending}>Add partner</Button>
      </form>
    </>
  );
}
