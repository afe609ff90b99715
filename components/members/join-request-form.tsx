"use client";

import { decideJoinAction } from "@/app/account/members/actions";
import { DecisionForm } from "@/components/ui/decision-form";

/** Let one person join, or decline. */
export function JoinRequestForm({ requestId, name }: { requestId: string; name: string }) {
  return (
    <DecisionForm
      action={decideJoinAction}
      hidden={{ requestId }}
      approve={`Let ${name} join`}
      decline={
        <>
          Decline<span className="sr-only"> {name}'s request</span>
        </>
      }
    />
  );
}
