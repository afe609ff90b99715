"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField } from "@/components/ui/file-field";
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
        <FileField name="file" label="File" hint={accepted} error={fileError} />
        <Button disabled={pending}>Upload</Button>
      </form>
    </>
  );
}
