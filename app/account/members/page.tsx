import type { Metadata } from "next";
import Link from "next/link";
import { JoinRequestForm } from "@/components/members/join-request-form";
import { RoleForm } from "@/components/members/role-form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { Tag } from "@/components/ui/tag";
import { requirePage } from "@/lib/access/pages";
import { formatDate } from "@/lib/format";
import { roleLabel } from "@/lib/members/forms";
import { listJoinRequests, recentJoins } from "@/lib/services/join-requests";
import { listMembers } from "@/lib/services/members";

export const metadata: Metadata = { title: "Members" };

/** The organisation's people, for its administrators: roles changed here, removals confirmed on their own page. */
export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<{ changed?: string; removed?: string; joined?: string; declined?: string }>;
}) {
  const actor = await requirePage("/account/members", "administerOrganisation");
  const { changed, removed, joined, declined } = await searchParams;
  const [members, requests, joins] = await Promise.all([
    listMembers(actor),
    listJoinRequests(actor),
    recentJoins(actor),
  ]);
  const changedMember = members.find((m) => m.membershipId === changed);

  return (
    <>
      {changedMember ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {changedMember.name} is now {changedMember.role === "ADMIN" ? "an administrator" : "a member"}.
        </div>
      ) : null}
      {removed ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          The member has been removed from {actor.organisationName}.
        </div>
      ) : null}
      {joined || declined ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {joined ? "They have joined, and have been told by email." : "The request has been declined."}
        </div>
      ) : null}
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">Members</h1>
      <p className="mb-6 max-w-3xl">
        Administrators manage members and see the organisation's activity; members answer for it. There is
        always at least one administrator. Nobody joins {actor.organisationName} unless one of its
        administrators lets them: when someone accepts an invitation to answer for it, they appear below for
        you to decide.
      </p>
      {requests.length > 0 ? (
        <section aria-labelledby="requests" className="mb-10 max-w-4xl">
          <h2 id="requests" className="mb-4 text-2xl font-bold">
            Asking to join
          </h2>
          <p className="mb-4">
            Members can read and change everything {actor.organisationName} answers, including its ratings.
            Only let in people you know work for it.
          </p>
          <ul className="space-y-6">
            {requests.map((request) => (
              <li key={request.id} className="border-l-4 border-brand pl-4">
                <p>
                  <strong>{request.name}</strong> ({request.email}), on {formatDate(request.askedAt)}
                </p>
                <p className="mb-3 text-muted">{request.reason}</p>
                <JoinRequestForm requestId={request.id} name={request.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ScrollRegion label={`Members of ${actor.organisationName}`}>
        <table className="w-full max-w-5xl border-collapse text-base">
          <caption className="sr-only">Members of {actor.organisationName}</caption>
          <TableHead columns={["Name", "Email address", "Role", { label: "Remove", hidden: true }]} />
          <tbody>
            {members.map((m) => (
              <tr key={m.membershipId} className="border-b border-gray-300 align-top">
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <strong>{m.name}</strong> {m.isYou ? <Tag>You</Tag> : null}
                  <br />
                  <span className="text-muted">Since {formatDate(m.since)}</span>
                </th>
                <td className="py-3 pr-4 break-all">{m.email}</td>
                <td className="py-3 pr-4">
                  <span className="sr-only">{roleLabel(m.role)}. </span>
                  <RoleForm membershipId={m.membershipId} name={m.name} role={m.role} />
                </td>
                <td className="py-3">
                  <Link href={`/account/members/${m.membershipId}/remove`}>
                    Remove<span className="sr-only"> {m.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section aria-labelledby="joins" className="mt-10 max-w-3xl">
        <h2 id="joins" className="mb-4 text-2xl font-bold">
          Joined in the last 90 days
        </h2>
        {joins.length === 0 ? (
          <p>Nobody has joined {actor.organisationName} in the last 90 days.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {joins.map((join) => (
              <li key={`${join.at.toISOString()}-${join.summary}`}>
                {formatDate(join.at)}: {join.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
