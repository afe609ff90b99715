"use client";

import { type FormEvent, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField } from "@/components/ui/file-field";
import { type ImportState, importOcdsAction } from "@/lib/actions/ocds-import";
import { formatBytes } from "@/lib/format";
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "@/lib/ocds/limits";

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/**
 * `refusal`: why the last upload was refused, shown beside the field: its size, when the server
 * refused it before reading it (proxy.ts), which happens only without JavaScript (with it, the size
 * is checked here before anything is sent); or what the worker found when it read the file.
 */
export function ImportForm({ refusal }: { refusal?: string }) {
  const initial: ImportState = refusal ? fileError(refusal) : { status: "idle", errors: [] };
  const [state, action, pending] = useActionState(importOcdsAction, initial);
  const [refused, setRefused] = useState<ImportState | null>(null);
  const shown = refused ?? state;
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > DEFAULT_MAX_BYTES) {
      event.preventDefault();
      setRefused(fileError(tooLargeMessage(file.size)));
    } else setRefused(null);
  };
  const error = shown.errors.find((e) => e.questionKey === "file")?.message;
  return (
    <>
      <ErrorSummary errors={shown.errors} message={shown.message} />
      <form action={action} onSubmit={checkSize} className="max-w-2xl">
        <FileField
          name="file"
          label="Upload an OCDS file"
          hint={`A release, release package or record package in JSON, as downloaded from Contracts Finder or Find a Tender, or JSON Lines (one of them a line). Up to ${formatBytes(DEFAULT_MAX_BYTES)}.`}
          error={error}
          accept=".json,.jsonl,application/json,application/jsonl"
        />
        <Button disabled={pending}>Import</Button>
      </form>
    </>
  );
}
