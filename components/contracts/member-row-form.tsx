"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { updatePartnerAction } from "@/lib/actions/contracts";
import { initialFormState } from "@/lib/actions/form-state";
import { CHAIN_STATUSES } from "@/lib/contracts/options";

interface Props {
  contractId: string;
  supplyChainMemberId: string;
  name: string;
  status: string;
  canRate: boolean;
}

/** One partner's status and place on the rating roster, changed in place. */
export function MemberRowForm({ contractId, supplyChainMemberId, name, status, canRate }: Props) {
  const [state, action, pending] = useActionState(updatePartnerAction, initialFormState);
  const id = `member-${supplyChainMemberId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="supplyChainMemberId" value={supplyChainMemberId} />
      <div>
        <label htmlFor={`${id}-status`} className="block text-base font-bold">
          Status<span className="sr-only"> of {name}</span>
        </label>
        <select id={`${id}-status`} name="status" defaultValue={status} className="border-2 border-ink p-1">
          {CHAIN_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 pb-1">
        <input
          id={`${id}-rate`}
          type="checkbox"
          name="canRate"
          value="yes"
          defaultChecked={canRate}
          className="size-6 accent-ink"
        />
        <label htmlFor={`${id}-rate`}>
          Rates the prime<span className="sr-only"> ({name})</span>
        </label>
      </div>
      <Button variant="secondary" disabled={pending} className="mb-0">
        Update<span className="sr-only"> {name}</span>
      </Button>
      <InlineError message={state.message} />
    </form>
  );
}
