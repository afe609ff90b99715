import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SwitchOrganisationForm } from "@/components/switch-organisation-form";
import { Tag } from "@/components/ui/tag";
import { can } from "@/lib/access/capabilities";
import { currentUser } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listOwnJoinRequests } from "@/lib/services/join-requests";
import { listMemberships } from "@/lib/services/memberships";
import { isOperator } from "@/lib/services/operators";

export const metadata: Metadata = { title: "Your account" };

const TYPE_LABEL = {
  COMMISSIONER: "Commissioner",
  PRIME: "Prime contractor",
  SUBCONTRACTOR: "Partner",
} as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ asked?: string }> }) {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account");
  const { asked } = await searchParams;
  const [memberships, waiting, operator] = await Promise.all([
    listMemberships(user.id),
    listOwnJoinRequests(user.id),
    isOperator(user.id),
  ]);
  const active =
    memberships.find((m) => m.organisationId === user.activeOrganisationId) ??
    (memberships.length === 1 ? memberships[0] : undefined);

  return (
    <>
      {asked && waiting.length > 0 ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          <h2 className="text-xl font-bold">Your request to join has been sent</h2>
          <p>
            {waiting.map((w) => w.organisation.name).join(", ")} already has people on Chainwise, so its
            administrators decide who joins. They have been emailed, and you will get an email when they
            decide. Then you can answer from your dashboard.
          </p>
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Your account</h1>
      <dl className="mb-8 grid max-w-xl grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-bold">Email address</dt>
        <dd>{user.email}</dd>
      </dl>
      {active && can({ ...active, userId: user.id }, "administerOrganisation") ? (
        <ul className="mb-8 space-y-1">
          <li>
            <Link href="/account/members">Manage your organisation's members</Link>
          </li>
          <li>
            <Link href="/account/organisation">Your organisation's identifiers</Link> (charity, company and
            procurement numbers)
          </li>
          <li>
            <Link href="/account/activity">See your organisation's activity</Link>
          </li>
          <li>
            <Link href="/account/api-keys">Manage your organisation's API keys</Link> (to fetch its reports as
            JSON)
          </li>
        </ul>
      ) : null}
      {operator ? (
        <>
          <p className="mb-2">You run this Chainwise service:</p>
          <ul className="mb-8 list-disc space-y-1 pl-6">
            <li>
              <Link href="/operator/requests">Account requests from councils</Link>
            </li>
            <li>
              <Link href="/operator/payment-practices">Import payment practices reports</Link>
            </li>
            <li>
              <Link href="/operator/organisations">Merge organisations that are the same</Link>
            </li>
          </ul>
        </>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">Your organisations</h2>
      {waiting.length > 0 ? (
        <ul className="mb-6 max-w-3xl space-y-1" aria-label="Waiting to join">
          {waiting.map((w) => (
            <li key={w.id}>
              Waiting for {w.organisation.name}'s administrators to let you join (asked on{" "}
              {formatDate(w.createdAt)}).
            </li>
          ))}
        </ul>
      ) : null}
      {memberships.length === 0 ? (
        <div className="max-w-2xl space-y-2">
          <p>You are not part of an organisation yet.</p>
          <p>
            Partners and primes join when the commissioner of their contract invites them: use the link in
            that email. If you work for a council or other public body that buys services,{" "}
            <Link href="/request-account">request an account for it</Link>.
          </p>
        </div>
      ) : (
        <ul className="max-w-3xl border-t border-gray-300" aria-label="Your organisations">
          {memberships.map((m) => (
            <li
              key={m.organisationId}
              className="flex flex-wrap items-center justify-between gap-4 border-b border-gray-300 py-3"
            >
              <span>
                <strong>{m.organisationName}</strong> · {TYPE_LABEL[m.organisationType]} ·{" "}
                {m.role === "ADMIN" ? "Administrator" : "Member"}
              </span>
              {active?.organisationId === m.organisationId ? (
                <Tag tone="green">Acting for this organisation</Tag>
              ) : (
                <SwitchOrganisationForm organisationId={m.organisationId} name={m.organisationName} />
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-10 mb-4 text-2xl font-bold">Your data</h2>
      <p className="mb-4 max-w-2xl">
        The <Link href="/privacy">privacy notice</Link> says what Chainwise keeps about you, why and for how
        long.
      </p>
      <ul className="max-w-2xl space-y-1">
        <li>
          {/* A plain link: the download is a file, not a page to navigate to. */}
          <a href="/account/data" download>
            Download your data
          </a>{" "}
          (a JSON file)
        </li>
        <li>
          <Link href="/account/delete" prefetch={false}>
            Delete your account
          </Link>
        </li>
      </ul>
    </>
  );
}
