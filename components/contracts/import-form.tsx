"use client";

import Link from "next/link";
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
 * `tooLarge`: the server refused the last upload for its size before reading it (proxy.ts), which
 * happens only without JavaScript; with it, the size is checked here before anything is sent.
 */
export function ImportForm({ tooLarge = false }: { tooLarge?: boolean }) {
  const initial: ImportState = tooLarge ? fileError(tooLargeMessage(null)) : { status: "idle", errors: [] };
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
  const report = state.report;
  return (
    <>
      <ErrorSummary errors={shown.errors} message={shown.message} />
      {report && !refused ? (
        <section aria-labelledby="import-report" className="mb-10">
          <h2 id="import-report" className="mb-4 text-2xl font-bold">
            {report.imported.length === 1
              ? "1 contract imported"
              : `${report.imported.length} contracts imported`}
          </h2>
          {report.imported.length > 0 ? (
            <ul className="mb-6 space-y-2" aria-label="Imported">
              {report.imported.map((c) => (
                <li key={c.id}>
                  <Link href={`/contracts/${c.id}`}>{c.title}</Link> ({c.reference}): primes{" "}
                  {c.primes.join(", ") || "none named"}
                </li>
              ))}
            </ul>
          ) : null}
          {report.updated.length > 0 ? (
            <>
              <h3 className="mb-2 text-xl font-bold">
                {report.updated.length === 1
                  ? "1 contract updated"
                  : `${report.updated.length} contracts updated`}{" "}
                from a later release
              </h3>
              <ul className="mb-6 space-y-3" aria-label="Updated">
                {report.updated.map((c) => (
                  <li key={c.id}>
                    <Link href={`/contracts/${c.id}`}>{c.title}</Link>
                    <ul className="list-disc pl-6">
                      {c.changes.map((change) => (
                        <li key={change}>{change}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.skipped.length > 0 ? (
            <>
              <h3 className="mb-2 text-xl font-bold">Not imported</h3>
              <ul className="mb-6 list-disc space-y-1 pl-6" aria-label="Not imported">
                {report.skipped.map((s) => (
                  <li key={`${s.item}-${s.reason}`}>
                    {s.item}: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.notes.length > 0 ? (
            <>
              <h3 className="mb-2 text-xl font-bold">Check these</h3>
              <ul className="list-disc space-y-1 pl-6" aria-label="Notes">
                {report.notes.map((n) => (
                  <li key={`${n.item}-${n.reason}`}>
                    {n.item}: {n.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <form action={action} onSubmit={checkSize} className="max-w-2xl">
        <FileField
          name="file"
          label="Upload an OCDS file"
          hint={`A release or release package in JSON, as downloaded from Contracts Finder or Find a Tender. Up to ${formatBytes(DEFAULT_MAX_BYTES)}.`}
          error={error}
          accept=".json,application/json"
        />
        <Button disabled={pending}>Import</Button>
      </form>
    </>
  );
}
