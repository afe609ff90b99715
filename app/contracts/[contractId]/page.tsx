import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleForm } from "@/components/contracts/cycle-form";
import { MemberRowForm } from "@/components/contracts/member-row-form";
import { PartnerForm } from "@/components/contracts/partner-form";
import { requirePage } from "@/lib/access/pages";
import { SIZE_BANDS } from "@/lib/contracts/forms";
import { serviceAreaLabel } from "@/lib/contracts/service-areas";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatMoney } from "@/lib/format";
import { FRAMEWORK_VERSIONS, latestFramework, PERIOD_VERSION } from "@/lib/framework";
import { type ContractDetail, getOwnContract } from "@/lib/services/contract-admin";

export const metadata: Metadata = { title: "Contract" };

const SIZE_LABEL = Object.fromEntries(SIZE_BANDS.map((s) => [s.value, s.label.split(" (")[0]]));

/**
 * The period's version first, chosen unless changed: a period's cycles on every contract answer
 * one version, so a commissioner need not know which; then each version, newest first.
 */
const CYCLE_VERSIONS = [
  { value: PERIOD_VERSION, label: "The version its period already uses; for a new period, the newest" },
  ...[...FRAMEWORK_VERSIONS].reverse().map((f) => ({
    value: f.version,
    label: f === latestFramework ? `Version ${f.version} (newest)` : `Version ${f.version}`,
  })),
];

type Search = { created?: string; added?: string; updated?: string; cycle?: string };

export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string }>;
  searchParams: Promise<Search>;
}) {
  const { contractId } = await params;
  const search = await searchParams;
  const actor = await requirePage(`/contracts/${contractId}`, "manageContracts");
  let contract: ContractDetail;
  try {
    contract = await getOwnContract(actor, contractId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const banner = search.created
    ? "Contract created. Now add the partners in each prime's supply chain."
    : search.added
      ? `${search.added} added to the supply chain.`
      : search.updated
        ? "Partner updated."
        : search.cycle
          ? "Rating cycle opened."
          : null;
  const primes = contract.primes.map((p) => ({ id: p.prime.id, name: p.prime.name, lot: p.lot }));

  return (
    <>
      {banner ? (
        <div role="status" className="mb-8 border-4 border-success p-4 font-bold">
          {banner}
        </div>
      ) : null}
      <Link href="/contracts" className="mb-6 inline-block">
        Back to your contracts
      </Link>
      <p className="text-xl text-muted">{contract.reference}</p>
      <h1 className="mb-6 text-4xl font-bold">{contract.title}</h1>
      <dl className="mb-8 grid max-w-2xl grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Value</dt>
        <dd>
          {contract.valueAmount !== null && contract.valueCurrency
            ? `${formatMoney(contract.valueAmount, contract.valueCurrency)} (${contract.valueBand})`
            : contract.valueBand}
        </dd>
        <dt className="font-bold">Service area</dt>
        <dd>{serviceAreaLabel(contract.serviceArea)}</dd>
        <dt className="font-bold">Runs</dt>
        <dd>
          {formatDate(contract.startDate)}
          {contract.endDate ? ` to ${formatDate(contract.endDate)}` : ""}
        </dd>
        {contract.ocid ? (
          <>
            <dt className="font-bold">OCDS identifier</dt>
            <dd>{contract.ocid}</dd>
          </>
        ) : null}
      </dl>
      <p className="mb-8">
        <Link href={`/contracts/${contract.id}/invitations`} className="font-bold">
          Invite partners and primes to answer
        </Link>
      </p>
      <p className="mb-8">
        <Link href={`/contracts/${contract.id}/report`} className="font-bold">
          Read the supply-chain report
        </Link>
      </p>

      <h2 id="supply-chain" className="mb-4 text-3xl font-bold">
        Supply chains
      </h2>
      {primes.map((prime) => {
        const members = contract.supplyChain.filter((m) => m.primeId === prime.id);
        return (
          <section key={prime.id} className="mb-10" aria-labelledby={`chain-${prime.id}`}>
            <h3 id={`chain-${prime.id}`} className="mb-3 text-2xl font-bold">
              {prime.name}
              {prime.lot ? ` (${prime.lot})` : ""}
            </h3>
            {members.length === 0 ? (
              <p>No partners yet.</p>
            ) : (
              <ul className="border-t border-gray-300" aria-label={`Partners of ${prime.name}`}>
                {members.map((m) => (
                  <li key={m.id} className="border-b border-gray-300 py-3">
                    <p className="mb-2">
                      <strong>{m.organisation.name}</strong>
                      {m.organisation.sizeBand ? ` · ${SIZE_LABEL[m.organisation.sizeBand]}` : ""} ·{" "}
                      {m.namedInBid ? "named in the bid" : "not named in the bid"}
                    </p>
                    <MemberRowForm
                      contractId={contract.id}
                      supplyChainMemberId={m.id}
                      name={m.organisation.name}
                      status={m.status}
                      canRate={m.canRate}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <details className="mb-10">
        <summary className="cursor-pointer text-xl text-brand underline">Add a partner</summary>
        <div className="mt-4">
          <PartnerForm contractId={contract.id} primes={primes} />
        </div>
      </details>

      <h2 id="cycles" className="mb-4 text-3xl font-bold">
        Rating cycles
      </h2>
      {contract.cycles.length === 0 ? (
        <p className="mb-4">No cycles yet. Partners can rate once a cycle is open.</p>
      ) : (
        <ul className="mb-6 max-w-2xl border-t border-gray-300" aria-label="Rating cycles">
          {contract.cycles.map((c) => (
            <li key={c.id} className="border-b border-gray-300 py-2">
              <strong>{c.name}</strong>: {formatDate(c.opensAt)} to {formatDate(c.closesAt)}, questions
              version {c.frameworkVersion}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer text-xl text-brand underline">Open a new cycle</summary>
        <div className="mt-4">
          <CycleForm contractId={contract.id} versions={CYCLE_VERSIONS} />
        </div>
      </details>
    </>
  );
}
