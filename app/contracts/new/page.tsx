import type { Metadata } from "next";
import Link from "next/link";
import { ContractForm } from "@/components/contracts/contract-form";
import { requirePage } from "@/lib/access/pages";

export const metadata: Metadata = { title: "Create a contract" };

export default async function NewContractPage() {
  await requirePage("/contracts/new", "manageContracts");
  return (
    <>
      <Link href="/contracts" className="mb-6 inline-block">
        Back to your contracts
      </Link>
      <h1 className="mb-6 text-4xl font-bold">Create a contract</h1>
      <ContractForm />
    </>
  );
}
