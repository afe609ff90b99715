"use client";

import { DecisionForm } from "@/components/ui/decision-form";
import { decideAccountRequestAction } from "@/lib/actions/account-requests";

/** Approve or decline one council's request for an account. */
export function AccountDecisionForm({ requestId, name }: { requestId: string; name: string }) {
  return (
    <DecisionForm
      action={decideAccountRequestAction}
      hidden={{ requestId }}
      approve={
        <>
          Approve<span className="sr-only"> {name}</span>
        </>
      }
      decline={
        <>
          Decline<span className="sr-only"> {name}</span>
        </>
      }
    />
  );
}
