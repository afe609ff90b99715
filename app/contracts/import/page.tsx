import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/contracts/import-form";
import { requirePage } from "@/lib/access/pages";
import { tooLargeMessage } from "@/lib/ocds/limits";

export const metadata: Metadata = { title: "Import a contract" };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<{ "too-large"?: string }>;
}) {
  await requirePage("/contracts/import", "manageContracts");
  const tooLarge = (await searchParams)["too-large"] !== undefined;
  return (
    <>
      <Link href="/contracts" className="mb-6 inline-block">
        Back to your contracts
      </Link>
      <h1 className="mb-6 text-4xl font-bold">Import a contract from open contracting data</h1>
      <p className="mb-6 max-w-3xl">
        The contract's title, value, dates and the suppliers it was awarded to (with their size and whether
        they are voluntary or community organisations, where published) become a contract here, with the
        suppliers as its primes. Nothing is changed if the file cannot be read.
      </p>
      <ImportForm refusal={tooLarge ? tooLargeMessage(null) : undefined} />
    </>
  );
}
