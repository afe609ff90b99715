"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import { initialFormState } from "@/lib/actions/form-state";

/** Makes a key and shows it once; an error keeps the name typed. */
export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, initialFormState);
  const created = state.status === "idle" && state.message?.startsWith("cw_") ? state.message : null;
  const typed = typeof state.typed?.name === "string" ? state.typed.name : "";
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.status === "error" ? state.message : undefined} />
      {created ? (
        <div role="status" className="mb-8 border-4 border-success p-4">
          <p className="mb-2 font-bold">Your new key. Copy it now: it will not be shown again.</p>
          <code className="block break-all bg-gray-100 p-2 text-base">{created}</code>
        </div>
      ) : null}
      <form action={action} noValidate className="max-w-xl">
        <TextField
          key={`name-${created ? "" : typed}`}
          name="name"
          label="Name of the key"
          hint="So you know later what uses it, for example “Performance team dashboard”"
          defaultValue={created ? "" : typed}
          error={state.errors.find((e) => e.questionKey === "name")?.message}
          autoComplete="off"
        />
        <Button disabled={pending}>Create key</Button>
      </form>
    </>
  );
}

export function RevokeApiKeyForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button variant="warning" className="mb-0 px-3 py-1 text-base" disabled={pending}>
        Revoke<span className="sr-only"> “{name}”</span>
      </Button>
      {state.status === "error" && state.message ? (
        <span role="alert" className="ml-2 font-bold text-error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
