"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { addEvidenceAction } from "@/lib/actions/evidence";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";

interface Props {
  assessmentId: string;
  principles: { value: string; label: string }[];
  /** What files are accepted, in words, and the size limit. */
  accepted: string;
}

export function EvidenceForm({ assessmentId, principles, accepted }: Props) {
  const [state, action, pending] = useActionState(addEvidenceAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  // A refusal from the service (a program, too large) belongs to the file.
  const refusal = state.status === "error" && state.errors.length === 0 ? state.message : undefined;
  const fileError = error("file") ?? refusal;
  return (
    <>
      <ErrorSummary
        errors={refusal ? [{ href: "#field-file", questionKey: "file", message: refusal }] : state.errors}
      />
      <form action={action} className="max-w-2xl">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <RadioGroup
          key={`principleKey-${typed("principleKey")}`}
          name="principleKey"
          legend="Evidence for"
          options={principles}
          value={typed("principleKey")}
          error={error("principleKey")}
        />
        <div className={`mb-6 ${fileError ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="field-file" className="mb-1 block text-lg font-bold">
            File
          </label>
          <p id="field-file-hint" className="mb-2 text-muted">
            {accepted}
          </p>
          {fileError ? (
            <p id="field-file-error" className="mb-2 font-bold text-error">
              <span className="sr-only">Error: </span>
              {fileError}
            </p>
          ) : null}
          <input
            id="field-file"
            name="file"
            type="file"
            aria-describedby={fileError ? "field-file-hint field-file-error" : "field-file-hint"}
          />
        </div>
        <Button disabled={pending}>Upload</Button>
      </form>
    </>
  );
}
