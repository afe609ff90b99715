"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { saveRepliesAction } from "@/lib/actions/replies-and-plans";
import { REPLY_MAX } from "@/lib/reports/options";

/** The prime's right of reply, one text per principle; what is typed survives an error. */
export function ReplyForm({
  contractId,
  primeId,
  cycleId,
  principles,
}: {
  contractId: string;
  primeId: string;
  cycleId: string;
  /** Each principle with its reply so far and a line of its figures for the box's hint. */
  principles: readonly { key: string; title: string; reply: string; figures: string }[];
}) {
  const [state, action, pending] = useActionState(saveRepliesAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="primeId" value={primeId} />
        <input type="hidden" name="cycleId" value={cycleId} />
        {principles.map((p) => {
          const name = `reply-${p.key}`;
          return (
            <TextArea
              key={`${name}-${typed(name, p.reply)}`}
              name={name}
              label={`Your reply on ${p.title.toLowerCase()}`}
              hint={`${p.figures} Optional, up to ${REPLY_MAX.toLocaleString("en-GB")} characters.`}
              defaultValue={typed(name, p.reply)}
              error={error(name)}
            />
          );
        })}
        <Button disabled={pending}>Save replies</Button>
      </form>
    </>
  );
}
