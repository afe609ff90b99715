"use client";

import { type ReactNode, useActionState } from "react";
import { type FormState, initialFormState } from "@/lib/actions/form-state";
import { Button } from "./button";
import { InlineError } from "./inline-error";

interface Props {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  /** What is being decided, sent back as hidden fields. */
  hidden: Record<string, string>;
  approve: ReactNode;
  decline: ReactNode;
}

/**
 * Yes or no on one request: two buttons in one form, each sending `decision` as "approve" or
 * "decline". Works without JavaScript: the pressed button's value is part of the post.
 */
export function DecisionForm({ action, hidden, approve, decline }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button name="decision" value="approve" disabled={pending} className="mb-0">
        {approve}
      </Button>
      <Button name="decision" value="decline" variant="secondary" disabled={pending} className="mb-0">
        {decline}
      </Button>
      <InlineError message={state.message} />
    </form>
  );
}
