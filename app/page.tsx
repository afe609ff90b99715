import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { listDemoContracts } from "@/lib/services/contracts";

export default async function HomePage() {
  await connection();
  const demo = env().DEMO_MODE === "on";
  const contracts = demo ? await listDemoContracts() : [];

  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Evidence on how primes treat their supply chains</h1>
      <p className="mb-4 max-w-3xl text-xl">
        Big public-service contracts go to prime contractors, who pass work to small charities and community
        groups. Chainwise shows whether that chain is fair: whether risk is shared, partners are paid on time,
        and the organisations named in a bid get the work.
      </p>
      <h2 className="mt-8 mb-4 text-2xl font-bold">Who it is for</h2>
      <ul className="mb-8 max-w-3xl list-disc space-y-2 pl-6">
        <li>
          <strong>Voluntary and community organisations</strong> rate their prime. Nobody sees one
          partner&apos;s answers: ratings are shown only combined, in figures published once a round has
          closed.
        </li>
        <li>
          <strong>Prime contractors</strong> assess themselves against the same code of practice and see how
          their partners' view compares.
        </li>
        <li>
          <strong>Commissioners</strong> read one report per contract: primes side by side, the gap between
          what a prime claims and what its partners say, and red flags.
        </li>
      </ul>

      {demo ? (
        <p className="mb-8">
          <Link href="/demo" className="text-xl font-bold">
            Try it with the demo organisations
          </Link>
        </p>
      ) : (
        <>
          <h2 className="mt-8 mb-4 text-2xl font-bold">Getting started</h2>
          <ul className="mb-8 max-w-3xl list-disc space-y-2 pl-6">
            <li>
              <strong>Commissioners:</strong> <Link href="/request-account">request an account</Link> for your
              council or public body. Once it is approved, you add your contracts, their primes and partners,
              and invite them to answer.
            </li>
            <li>
              <strong>Primes and partners:</strong> you are invited by email by the commissioner of your
              contract. Follow the link in that email. Already have an account?{" "}
              <Link href="/sign-in">Sign in</Link>.
            </li>
          </ul>
        </>
      )}

      {demo ? <h2 className="mt-8 mb-4 text-2xl font-bold">Contracts</h2> : null}
      {!demo ? null : contracts.length === 0 ? (
        <p>There are no contracts yet.</p>
      ) : (
        <ul className="space-y-6" aria-label="Contracts">
          {contracts.map((contract) => (
            <li key={contract.id} className="border-l-4 border-brand pl-4">
              <h3 className="text-xl font-bold">{contract.title}</h3>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-base">
                <dt className="font-bold">Reference</dt>
                <dd>{contract.reference}</dd>
                <dt className="font-bold">Commissioner</dt>
                <dd>{contract.commissioner}</dd>
                <dt className="font-bold">{contract.primes.length === 1 ? "Prime" : "Primes"}</dt>
                <dd>{contract.primes.map((p) => (p.lot ? `${p.name} (${p.lot})` : p.name)).join(", ")}</dd>
                <dt className="font-bold">Value</dt>
                <dd>{contract.valueBand}</dd>
                <dt className="font-bold">Runs</dt>
                <dd>
                  {formatDate(contract.startDate)}
                  {contract.endDate ? ` to ${formatDate(contract.endDate)}` : ""}
                </dd>
                <dt className="font-bold">Supply-chain partners</dt>
                <dd>{contract.partnerCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
