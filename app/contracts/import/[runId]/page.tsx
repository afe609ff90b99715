import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/contracts/import-form";
import { ImportReport } from "@/components/contracts/import-report";
import { KeepFresh } from "@/components/contracts/keep-fresh";
import { LikelyMatches } from "@/components/contracts/likely-matches";
import { requirePage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getImportRun, type ImportRunView } from "@/lib/services/import-runs";
import { likelyMatchesOf } from "@/lib/services/likely-matches";

export const metadata: Metadata = { title: "Import" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function ImportRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const { runId } = await params;
  const { decided } = await searchParams;
  const path = `/contracts/import/${runId}`;
  const actor = await requirePage(path, "manageContracts");
  let run: ImportRunView;
  try {
    run = await getImportRun(actor, runId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const likely = await likelyMatchesOf(actor, run.id);
  const working = run.status === "queued" || run.status === "running";
  const imported = run.report.imported.length;
  return (
    <>
      <Link href="/contracts" className="mb-6 inline-block">
        Back to your contracts
      </Link>
      {decided === "same" || decided === "different" ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {decided === "same"
            ? "Merged: the supplier and the organisation already on Chainwise are one now."
            : "Kept apart: they stay two organisations."}
        </div>
      ) : null}
      <h1 className="mb-2 text-4xl font-bold">Import of {run.fileName}</h1>
      <p className="mb-6 text-muted">Uploaded {formatDate(run.createdAt)}.</p>
      {working ? (
        <section aria-labelledby="progress" className="mb-10 max-w-2xl">
          <KeepFresh />
          <h2 id="progress" className="mb-3 text-2xl font-bold">
            {run.status === "queued"
              ? "Waiting to start"
              : run.total === 0
                ? "Reading the file"
                : "Importing"}
          </h2>
          <div role="status">
            <label htmlFor="import-progress" className="mb-2 block">
              {run.total === 0
                ? "Reading the file to find its contracts"
                : `${run.done} of ${plural(run.total, "contract", "contracts")} worked through`}
            </label>
            <progress
              id="import-progress"
              value={run.done}
              max={Math.max(run.total, 1)}
              className="mb-4 w-full"
            />
          </div>
          <p className="mb-4">You can leave this page: the import carries on, and its result will be here.</p>
          <Link href={path}>Check progress again</Link>
        </section>
      ) : null}
      {run.status === "refused" ? (
        <section aria-labelledby="refused" className="mb-10">
          <h2 id="refused" className="mb-3 text-2xl font-bold">
            Nothing was imported
          </h2>
          <p className="mb-6 max-w-3xl">
            The file could not be read, so nothing was changed. Choose another file.
          </p>
          <ImportForm refusal={run.failure ?? undefined} />
        </section>
      ) : null}
      {run.status === "failed" ? (
        <div role="alert" className="mb-8 max-w-3xl border-l-4 border-error p-4">
          <h2 className="mb-2 text-2xl font-bold">The import stopped</h2>
          <p>{run.failure}</p>
        </div>
      ) : null}
      {run.status === "done" || run.status === "failed" || run.done > 0 ? (
        <ImportReport
          report={run.report}
          heading={`${plural(imported, "contract", "contracts")} imported${working ? " so far" : ""}`}
        />
      ) : null}
      {likely.length > 0 ? <LikelyMatches matches={likely} /> : null}
      <p>
        <Link href="/contracts/import">Import another file</Link>
      </p>
    </>
  );
}
