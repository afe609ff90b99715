"use client";

import { DecisionForm } from "@/components/ui/decision-form";
import { decideJoinAction } from "@/lib/actions/members";

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
