import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptForm } from "@/components/invitations/accept-form";
import { WhoSeesSection } from "@/components/questionnaire/who-sees-section";
import { currentUser } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { findInvitation, type InvitationView, sameEmail } from "@/lib/services/invitation-acceptance";

// The token is in this page's address: no search engine may keep it, and no other site may be sent it.
export const metadata: Metadata = {
  title: "Your invitation",
  robots: { index: false, follow: false },
  // "same-origin", not "no-referrer": with no-referrer the browser sends `Origin: null` with the
  // accept form, which a post check cannot tell from another site's.
  referrer: "same-origin",
};

/**
 * Where an emailed invitation lands: who is asked to answer what, then sign up or sign in, then
 * accept. A used link and a link that never existed get the same page, so links cannot be probed.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(token), currentUser()]);
  if (!invitation || invitation.state === "accepted") return <Unusable />;
  if (invitation.state === "expired") return <Expired invitation={invitation} />;

  const partner = invitation.perspective === "subcontractor";
  const here = `/invitations/${token}`;
  return (
    <>
      <p className="text-xl text-muted">{invitation.contract.title}</p>
      <h1 className="mb-6 text-4xl font-bold">
        {partner
          ? `Rate how ${invitation.prime.name} works with you`
          : `Assess how ${invitation.prime.name} works with its partners`}
      </h1>
      <p className="mb-4 max-w-3xl">
        You have been invited to answer for <strong>{invitation.organisation.name}</strong>.
      </p>
      <dl className="mb-8 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Answering for</dt>
        <dd>{invitation.organisation.name}</dd>
        <dt className="font-bold">{partner ? "Rating" : "Assessing"}</dt>
        <dd>
          {invitation.prime.name}
          {partner ? ", the prime contractor" : ""}
        </dd>
        <dt className="font-bold">Contract</dt>
        <dd>{invitation.contract.title}</dd>
        {invitation.cycle ? (
          <>
            <dt className="font-bold">Closes on</dt>
            <dd>{formatDate(invitation.cycle.closesAt)}</dd>
          </>
        ) : null}
        <dt className="font-bold">This link works until</dt>
        <dd>{formatDate(invitation.expiresAt)}</dd>
      </dl>

      <div className="mb-8 max-w-3xl space-y-4">
        {partner ? (
          <WhoSeesSection programme={invitation.programme} headingClass="text-2xl font-bold" />
        ) : (
          <>
            <h2 className="text-2xl font-bold">Who will see your answers</h2>
            <p>
              The commissioner will see your answers beside your partners&apos; combined answers, so that what
              you report can be compared with what they say.
            </p>
          </>
        )}
      </div>

      {!user ? (
        <div className="max-w-3xl space-y-4">
          <h2 className="text-2xl font-bold">Before you start</h2>
          <p>
            You need an account, with the email address this invitation was sent to, so you can save your
            answers and come back to them.
          </p>
          <p className="flex flex-wrap gap-6 text-xl font-bold">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account</Link>
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link>
          </p>
        </div>
      ) : sameEmail(user.email, invitation.email) ? (
        <div className="max-w-3xl space-y-4">
          <p>
            You are signed in as {user.email}. Accepting adds you to {invitation.organisation.name} on
            Chainwise and opens the questions. You can save your answers and come back later.
          </p>
          <AcceptForm token={token} />
        </div>
      ) : (
        <div className="max-w-3xl space-y-4 border-l-4 border-error pl-4">
          <h2 className="text-2xl font-bold">This invitation is for someone else</h2>
          <p>
            You are signed in as {user.email}, but this invitation was sent to a different email address. Sign
            out, then sign in or create an account with the address the invitation was sent to, and open the
            link again.
          </p>
        </div>
      )}
    </>
  );
}

function Unusable() {
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">This invitation link cannot be used</h1>
      <div className="max-w-3xl space-y-4">
        <p>It has already been used, or it is not a complete invitation link.</p>
        <p>
          If you have already accepted, <Link href="/sign-in?next=/dashboard">sign in</Link> to carry on from
          your dashboard. If you were sent a newer email, use the link in that one. Otherwise, ask whoever
          invited you to send a new invitation.
        </p>
      </div>
    </>
  );
}

function Expired({ invitation }: { invitation: InvitationView }) {
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">This invitation has expired</h1>
      <div className="max-w-3xl space-y-4">
        <p>
          The link to {invitation.perspective === "prime" ? "assess" : "rate"} {invitation.prime.name} on “
          {invitation.contract.title}” worked until {formatDate(invitation.expiresAt)}.
        </p>
        <p>Ask whoever invited you to send a new invitation.</p>
      </div>
    </>
  );
}
