import type { Metadata } from "next";
import Link from "next/link";
import { IdentifierForm } from "@/components/account/identifier-form";
import { requirePage } from "@/lib/access/pages";
import { organisationIdentifiers } from "@/lib/services/organisation-identities";

export const metadata: Metadata = { title: "Your organisation's identifiers" };

/**
 * For administrators: the numbers the organisation is known by. An imported notice is accepted as
 * the organisation's own when its buyer's identifier is one of these (docs/decisions/0012).
 */
export default async function OrganisationPage({
  searchParams,
}: {
  searchParams: Promise<{ added?: string }>;
}) {
  const actor = await requirePage("/account/organisation", "administerOrganisation");
  const { added } = await searchParams;
  const identifiers = await organisationIdentifiers(actor.organisationId);
  return (
    <>
      {added ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {added} is recorded as one of {actor.organisationName}'s identifiers.
        </div>
      ) : null}
      <Link href="/account" className="mb-6 inline-block">
        Back to your account
      </Link>
      <h1 className="mb-6 text-4xl font-bold">{actor.organisationName}'s identifiers</h1>
      <p className="mb-6 max-w-3xl">
        Chainwise tells organisations apart by the numbers registers and procurement services give them, not
        only by name. Published notices whose buyer has one of these identifiers can be imported as your
        organisation's contracts. One identifier belongs to one organisation.
      </p>
      {identifiers.length > 0 ? (
        <ul className="mb-8 max-w-3xl list-disc space-y-1 pl-6" aria-label="Identifiers">
          {identifiers.map((i) => (
            <li key={i.identifier}>
              <span className="font-mono">{i.identifier}</span> ({i.register})
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-8">No identifiers are recorded yet.</p>
      )}
      <h2 className="mb-4 text-2xl font-bold">Add an identifier</h2>
      <IdentifierForm />
    </>
  );
}
