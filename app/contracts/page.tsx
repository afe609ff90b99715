import type { Metadata } from "next";
import Link from "next/link";
import { PageLinks } from "@/components/reports/page-links";
import { requirePage } from "@/lib/access/pages";
import { listOwnContracts } from "@/lib/services/contract-admin";

export const metadata: Metadata = { title: "Your contracts" };

export default async function ContractsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePage("/contracts", "manageContracts");
  const { page } = await searchParams;
  const shown = await listOwnContracts(actor, typeof page === "string" ? page : undefined);
  const contracts = shown.rows;
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Your contracts</h1>
      <p className="mb-6 flex flex-wrap gap-6">
        <Link href="/contracts/new" className="font-bold">
          Create a contract
        </Link>
        <Link href="/contracts/import" className="font-bold">
          Import a contract from open contracting data
        </Link>
      </p>
      <PageLinks
        shown={shown}
        noun="Contracts"
        label="Pages of your contracts"
        href={(n) => (n > 1 ? `/contracts?page=${n}` : "/contracts")}
      />
      {contracts.length === 0 ? (
        <p>You have no contracts yet.</p>
      ) : (
        <ul className="max-w-3xl space-y-4" aria-label="Your contracts">
          {contracts.map((c) => (
            <li key={c.id} className="border-l-4 border-brand pl-4">
              <Link href={`/contracts/${c.id}`} className="text-xl font-bold">
                {c.title}
              </Link>
              <p>
                {c.reference} · {c.primes.map((p) => p.prime.name).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
