"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { initialFormState } from "@/lib/actions/form-state";
import { changeRoleAction } from "@/lib/actions/members";
import { ROLE_OPTIONS } from "@/lib/members/options";

interface Props {
  membershipId: string;
  name: string;
  role: "ADMIN" | "MEMBER";
}

/** One member's role, changed in place. */
export function RoleForm({ membershipId, name, role }: Props) {
  const [state, action, pending] = useActionState(changeRoleAction, initialFormState);
  const id = `role-${membershipId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="membershipId" value={membershipId} />
      <div>
        <label htmlFor={id} className="block text-base font-bold">
          Role<span className="sr-only"> of {name}</span>
        </label>
        <select id={id} name="role" defaultValue={role} className="border-2 border-ink p-1">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" disabled={pending} className="mb-0">
        Change role<span className="sr-only"> of {name}</span>
      </Button>
      <InlineError message={state.message} />
    </form>
  );
}
