import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { type InviteeGroup, InviteForm } from "@/components/invitations/invite-form";
import { TableHead } from "@/components/ui/table-head";
import { Tag } from "@/components/ui/tag";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { inviteeValue } from "@/lib/invitations/form";
import {
  getInviteOptions,
  INVITATION_DAYS,
  type InvitationState,
  type InvitationSummary,
  type InviteOptions,
  listInvitations,
} from "@/lib/services/invitations";

export const metadata: Metadata = { title: "Invitations" };

const STATE = {
  pending: { label: "Waiting", tone: "blue" },
  accepted: { label: "Accepted", tone: "green" },
  expired: { label: "Expired", tone: "grey" },
} as const satisfies Record<InvitationState, { label: string; tone: string }>;

function groupsFor(options: InviteOptions): InviteeGroup[] {
  return options.primes.map((prime) => ({
    label: `${prime.name}${prime.lot ? ` (${prime.lot})` : ""}`,
    options: [
      ...prime.partners.map((partner) => ({
        value: inviteeValue(prime.id, partner.id),
        label: partner.name,
      })),
      ...(prime.canInviteSelf
        ? [
            {
              value: inviteeValue(prime.id, prime.id),
              label: prime.name,
              hint: "The prime itself, to assess how it treats its partners",
            },
          ]
        : []),
    ],
  }));
}

/** The commissioner (any prime's chain) or a prime (its own chain) invites people to answer. */
export default async function InvitationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  await connection();
  const { contractId } = await params;
  const { sent } = await searchParams;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(`/contracts/${contractId}/invitations`)}`);
  let options: InviteOptions;
  let invitations: InvitationSummary[];
  try {
    [options, invitations] = await Promise.all([
      getInviteOptions(actor, contractId),
      listInvitations(actor, contractId),
    ]);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  const justSent = sent ? invitations.find((i) => i.id === sent) : undefined;
  const groups = groupsFor(options).filter((group) => group.options.length > 0);
  const severalPrimes = options.primes.length > 1;

  return (
    <>
      {justSent ? (
        <div role="status" className="mb-8 border-4 border-success p-4">
          <h2 className="text-xl font-bold">Invitation sent to {justSent.email}</h2>
          <p>The link works until {formatDate(justSent.expiresAt)}, and only once.</p>
        </div>
      ) : null}
      <Link
        href={options.commissioner ? `/contracts/${contractId}` : "/dashboard"}
        className="mb-6 inline-block"
      >
        {options.commissioner ? "Back to the contract" : "Back to your dashboard"}
      </Link>
      <p className="text-xl text-muted">{options.contract.title}</p>
      <h1 className="mb-6 text-4xl font-bold">Invitations</h1>
      <p className="mb-8 max-w-3xl">
        {options.commissioner
          ? "Invite a contact at each partner to rate its prime, and each prime to assess itself."
          : "Invite a contact at each partner in your supply chain to rate how you work with them."}{" "}
        Each person gets an email with a link that works once, only for their email address, for{" "}
        {INVITATION_DAYS} days or until the cycle closes, whichever is sooner. Partners&apos; answers are
        anonymous: they are only ever shown combined.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Send an invitation</h2>
      {!options.cycle ? (
        <p className="mb-8 max-w-3xl">
          No rating cycle is open on this contract, so there is nothing to invite anyone to yet.
          {options.commissioner ? " Open a cycle on the contract's page first." : ""}
        </p>
      ) : groups.length === 0 ? (
        <p className="mb-8 max-w-3xl">
          There is nobody on the list of partners who rate {severalPrimes ? "the primes" : "this prime"} yet.
        </p>
      ) : (
        <div className="mb-10">
          <p className="mb-4">
            The {options.cycle.name} cycle closes on {formatDate(options.cycle.closesAt)}.
          </p>
          <InviteForm contractId={contractId} groups={groups} />
        </div>
      )}

      <h2 className="mb-4 text-2xl font-bold">Invitations sent</h2>
      {invitations.length === 0 ? (
        <p>No invitations have been sent on this contract yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">Invitations sent, newest first</caption>
            <TableHead
              columns={["Sent to", "Answering for", ...(severalPrimes ? ["Prime"] : []), "Sent", "Status"]}
            />
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} className="border-b border-gray-300 align-top">
                  <td className="py-2 pr-4 break-all">{invitation.email}</td>
                  <td className="py-2 pr-4">
                    {invitation.organisation.name}
                    {invitation.perspective === "prime" ? " (self-assessment)" : ""}
                  </td>
                  {severalPrimes ? <td className="py-2 pr-4">{invitation.prime.name}</td> : null}
                  <td className="py-2 pr-4">{formatDate(invitation.sentAt)}</td>
                  <td className="py-2 pr-4">
                    <Tag tone={STATE[invitation.state].tone}>{STATE[invitation.state].label}</Tag>
                    <span className="block text-muted">
                      {invitation.state === "accepted" && invitation.acceptedAt
                        ? `on ${formatDate(invitation.acceptedAt)}`
                        : invitation.state === "pending"
                          ? `until ${formatDate(invitation.expiresAt)}`
                          : ""}
                      {invitation.remindedAt ? ` · reminded ${formatDate(invitation.remindedAt)}` : ""}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
