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
  type ChainInvitations,
  chainInvitations,
  type InvitationSummary,
  listInvitations,
} from "@/lib/services/invitation-lists";
import {
  getInviteOptions,
  INVITATION_DAYS,
  type InvitationState,
  type InviteOptions,
  sentInvitationAddress,
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
  let sentTo: string | null;
  try {
    [options, sentTo] = await Promise.all([
      getInviteOptions(actor, contractId),
      sent ? sentInvitationAddress(actor, sent) : null,
    ]);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  // Only the commissioner sees each invitation's state; a prime sees counts (docs/security.md).
  const sentList = options.commissioner
    ? ({ commissioner: true, invitations: await listInvitations(actor, contractId) } as const)
    : ({ commissioner: false, chain: await chainInvitations(actor, contractId) } as const);
  const groups = groupsFor(options).filter((group) => group.options.length > 0);
  const severalPrimes = options.primes.length > 1;

  return (
    <>
      {sentTo ? (
        <div role="status" className="mb-8 border-4 border-success p-4">
          <h2 className="text-xl font-bold">Invitation sent to {sentTo}</h2>
          <p>
            The link works for {INVITATION_DAYS} days or until the cycle closes, whichever is sooner, and only
            once.
          </p>
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
      {sentList.commissioner ? (
        <CommissionerTable invitations={sentList.invitations} severalPrimes={severalPrimes} />
      ) : (
        <ChainCounts chain={sentList.chain} />
      )}
    </>
  );
}

function CommissionerTable({
  invitations,
  severalPrimes,
}: {
  invitations: InvitationSummary[];
  severalPrimes: boolean;
}) {
  if (invitations.length === 0) return <p>No invitations have been sent on this contract yet.</p>;
  return (
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
  );
}

/** A prime's view: how many, never which. Nothing here changes when one partner accepts or answers. */
function ChainCounts({ chain }: { chain: ChainInvitations }) {
  return (
    <>
      <dl className="mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Partners on the rating list</dt>
        <dd>{chain.partners}</dd>
        <dt className="font-bold">Partners invited</dt>
        <dd>{chain.invited}</dd>
        <dt className="font-bold">Partners who had answered this cycle by the start of today</dt>
        <dd>{chain.answered}</dd>
      </dl>
      <p className="mb-6 max-w-3xl">
        To keep partners' answers anonymous, you are not shown which partners have accepted or answered, nor
        who has been reminded. The commissioner chases replies.
      </p>
      {chain.addresses.length === 0 ? (
        <p>No invitations have been sent to your partners on this contract yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">Addresses your partners were invited at</caption>
            <TableHead columns={["Sent to", "Answering for", "First sent"]} />
            <tbody>
              {chain.addresses.map((row) => (
                <tr key={`${row.organisation}/${row.email}`} className="border-b border-gray-300 align-top">
                  <td className="py-2 pr-4 break-all">{row.email}</td>
                  <td className="py-2 pr-4">{row.organisation}</td>
                  <td className="py-2 pr-4">{formatDate(row.firstSentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
