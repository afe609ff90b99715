"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { chooseOrganisationAction } from "@/lib/actions/demo";
import { initialFormState } from "@/lib/actions/form-state";

interface Group {
  label: string;
  organisations: { id: string; name: string }[];
}

export function DemoChooser({ groups, next }: { groups: Group[]; next?: string }) {
  const [state, action, pending] = useActionState(chooseOrganisationAction, initialFormState);
  const error = state.errors[0]?.message;
  let first = true;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={action} noValidate>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <fieldset aria-describedby={error ? "organisation-error" : undefined} className="mb-6">
          <legend className="mb-4 text-2xl font-bold">Which organisation are you acting for?</legend>
          {error ? (
            <p id="organisation-error" className="mb-3 font-bold text-error">
              <span className="sr-only">Error: </span>
              {error}
            </p>
          ) : null}
          {groups.map((group) => (
            <div key={group.label} className="mb-6">
              <h2 className="mb-2 text-xl font-bold">{group.label}</h2>
              <div className="space-y-2">
                {group.organisations.map((organisation) => {
                  const id = first ? "organisation" : `organisation-${organisation.id}`;
                  first = false;
                  return (
                    <div key={organisation.id} className="flex items-start gap-3">
                      <input
                        id={id}
                        type="radio"
                        name="organisationId"
                        value={organisation.id}
                        className="mt-1 size-7 shrink-0 accent-ink"
                      />
                      <label htmlFor={id} className="pt-0.5">
                        {organisation.name}
                      </label>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </fieldset>
        <Button disabled={pending}>Continue</Button>
      </form>
    </>
  );
}
