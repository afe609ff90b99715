"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField } from "@/components/ui/file-field";
import { RadioGroup } from "@/components/ui/radio-group";
import { addEvidenceAction } from "@/lib/actions/evidence";
import { fieldsOf, initialFormState, refusalOnField } from "@/lib/actions/form-state";

interface Props {
  assessmentId: string;
  principles: { value: string; label: string }[];
  /** What files are accepted, in words, and the size limit. */
  accepted: string;
}

export function EvidenceForm({ assessmentId, principles, accepted }: Props) {
  const [raw, action, pending] = useActionState(addEvidenceAction, initialFormState);
  // A refusal from the service (a program, too large) belongs to the file.
  const state = refusalOnField(raw, "file");
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} />
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
        <FileField name="file" label="File" hint={accepted} error={error("file")} />
        <Button disabled={pending}>Upload</Button>
      </form>
    </>
  );
}
