import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/access/pages";
import { listOwnContracts } from "@/lib/services/contract-admin";

export const metadata: Metadata = { title: "Your contracts" };

export default async function ContractsPage() {
  const actor = await requirePage("/contracts", "manageContracts");
  const contracts = await listOwnContracts(actor);
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
