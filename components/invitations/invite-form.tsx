"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { inviteAction } from "@/lib/actions/invitations";

export interface InviteeGroup {
  /** Shown as a sub-heading when the form offers more than one prime's chain. */
  label: string;
  options: { value: string; label: string; hint?: string }[];
}

interface Props {
  contractId: string;
  groups: InviteeGroup[];
}

/**
 * Invites one person: which organisation they answer for (grouped by prime when there are several)
 * and their email address. Error summary, a message beside each field, typed values kept.
 */
export function InviteForm({ contractId, groups }: Props) {
  const [state, action, pending] = useActionState(inviteAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  const inviteeError = error("invitee");
  const chosen = typed("invitee");
  const grouped = groups.length > 1;
  let index = 0;
  const radio = (option: InviteeGroup["options"][number]) => {
    const id = index++ === 0 ? "field-invitee" : `field-invitee-${option.value.replace(":", "-")}`;
    return (
      <div key={option.value} className="flex items-start gap-3">
        <input
          id={id}
          type="radio"
          name="invitee"
          value={option.value}
          defaultChecked={chosen === option.value}
          aria-describedby={option.hint ? `${id}-hint` : undefined}
          className="mt-1 size-7 shrink-0 accent-ink"
        />
        <div className="pt-0.5">
          <label htmlFor={id}>{option.label}</label>
          {option.hint ? (
            <p id={`${id}-hint`} className="text-base text-muted">
              {option.hint}
            </p>
          ) : null}
        </div>
      </div>
    );
  };

  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="contractId" value={contractId} />
        <fieldset
          key={`invitee-${chosen}`}
          aria-describedby={inviteeError ? "field-invitee-error" : undefined}
          className={`mb-6 ${inviteeError ? "border-l-4 border-error pl-4" : ""}`}
        >
          <legend className="mb-2 text-lg font-bold">Which organisation will they answer for?</legend>
          {inviteeError ? (
            <p id="field-invitee-error" className="mb-2 font-bold text-error">
              <span className="sr-only">Error: </span>
              {inviteeError}
            </p>
          ) : null}
          {groups.map((group) =>
            grouped ? (
              <fieldset key={group.label} className="mb-4">
                <legend className="mb-2 font-bold text-muted">{group.label}</legend>
                <div className="space-y-2">{group.options.map(radio)}</div>
              </fieldset>
            ) : (
              <div key={group.label} className="space-y-2">
                {group.options.map(radio)}
              </div>
            ),
          )}
        </fieldset>
        <TextField
          key={`email-${typed("email")}`}
          name="email"
          label="Their email address"
          hint="The person who will answer for the organisation. Only someone signed in with this address can use the link."
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typed("email")}
          error={error("email")}
        />
        <Button disabled={pending}>Send invitation</Button>
      </form>
    </>
  );
}
