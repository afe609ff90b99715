import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatDate } from "@/lib/format";
import { LEVEL_LABEL } from "@/lib/scoring/levels";
import { publicRegister } from "@/lib/services/levels";

export const metadata: Metadata = { title: "Register of levels" };

/**
 * The public register (no sign-in): each prime's current confirmed level on each contract, where its
 * commissioner published it. Names, cycles, levels and dates only: never a figure.
 */
export default async function RegisterPage() {
  await connection();
  const entries = await publicRegister();
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Register of levels</h1>
      <p className="mb-6 max-w-3xl">
        Primes whose commissioner has checked their self-assessment against their evidence and confirmed a
        level against the code of practice, and chose to publish it. Each line is the prime's latest confirmed
        level on that contract. <Link href="/how-scoring-works#levels">How a level is worked out</Link>.
      </p>
      {entries.length === 0 ? (
        <p>No level has been published yet.</p>
      ) : (
        <ScrollRegion label="Published levels">
          <table className="w-full max-w-5xl border-collapse text-left">
            <caption className="sr-only">Published levels</caption>
            <TableHead columns={["Prime", "Contract", "Commissioner", "Cycle", "Level", "Confirmed"]} />
            <tbody>
              {entries.map((e) => (
                <tr key={e.key} className="border-b border-rule">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {e.primeName}
                  </th>
                  <td className="py-2 pr-4">{e.contractTitle}</td>
                  <td className="py-2 pr-4">{e.commissionerName}</td>
                  <td className="py-2 pr-4">{e.cycleName}</td>
                  <td className="py-2 pr-4">{LEVEL_LABEL[e.level]}</td>
                  <td className="py-2">{formatDate(e.confirmedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
