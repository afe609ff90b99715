"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptInvitationAction } from "@/lib/actions/invitation-acceptance";

/** "Accept and start", styled as a GOV.UK start button. The token goes back in a hidden field. */
export function AcceptForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="token" value={token} />
        <button
          type="submit"
          disabled={pending}
          className="inline-flex cursor-pointer items-center gap-2 bg-success px-5 py-3 text-xl font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]"
        >
          Accept and start
          <svg aria-hidden="true" focusable="false" width="17" height="19" viewBox="0 0 33 40">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </button>
      </form>
    </>
  );
}
