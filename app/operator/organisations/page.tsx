import type { Metadata } from "next";
import { MergeForm } from "@/components/operator/merge-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requireOperatorPage } from "@/lib/access/pages";
import {
  type FoundForMerge,
  organisationName,
  SEARCH_LIMIT,
  searchOrganisations,
} from "@/lib/services/organisation-search";

export const metadata: Metadata = { title: "Merge organisations", robots: { index: false, follow: false } };

const KIND = { COMMISSIONER: "commissioner", PRIME: "prime", SUBCONTRACTOR: "partner" } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describe(org: FoundForMerge): string {
  const facts = [
    KIND[org.type],
    ...org.identifiers,
    plural(org.contracts, "contract"),
    plural(org.members, "member"),
    ...(org.partnerPlaces > 0 ? [plural(org.partnerPlaces, "place") + " as a partner"] : []),
  ];
  return `${org.name} (${facts.join(", ")})`;
}

/** For operators only: two records of one organisation made one (docs/decisions/0027). */
export default async function MergeOrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; merged?: string }>;
}) {
  const user = await requireOperatorPage("/operator/organisations");
  const { q = "", merged } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const found = await searchOrganisations(user.id, query);
  const kept = typeof merged === "string" ? await organisationName(user.id, merged) : null;
  return (
    <>
      {kept ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          Merged: everything the duplicate had is {kept}'s now, and the merge is in {kept}'s activity.
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Merge organisations</h1>
      <p className="mb-8 max-w-3xl">
        When one organisation is on Chainwise twice (made by hand and again from a notice, under another
        spelling), merge the two. Only organisations of the same kind are merged, never a prime with one of
        its partners, and never one that released figures rest on into another.
      </p>
      <search className="mb-8 block max-w-xl">
        <form method="get">
          <TextField
            name="q"
            label="Find organisations by name or identifier"
            hint="For example “Castlegate” or GB-COH-04567123"
            defaultValue={query}
            spellCheck={false}
          />
          <Button variant="secondary">Search</Button>
        </form>
      </search>
      {query.trim() === "" ? null : found.length < 2 ? (
        <p>
          {found.length === 0 ? "No organisation matches" : "Only one organisation matches"} “{query}”. Search
          for a part of the name both share.
        </p>
      ) : (
        <>
          <h2 className="mb-4 text-2xl font-bold">
            {found.length === SEARCH_LIMIT ? `The first ${SEARCH_LIMIT}` : found.length} organisations
            matching “{query}”
          </h2>
          <MergeForm choices={found.map((org) => ({ id: org.id, label: describe(org) }))} query={query} />
        </>
      )}
    </>
  );
}
