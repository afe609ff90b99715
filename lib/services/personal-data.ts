import "server-only";
import { db } from "@/lib/db/client";
import { stateOf } from "@/lib/invitations/tokens";
import { redactOtherAddresses } from "@/lib/privacy/redact";
import { fromDbPerspective } from "./assessments";

/**
 * A person's own data, for the download at /account/data (the right of access). Everything the
 * database holds about them, read by their id and address, and nothing about anyone else.
 *
 * Never included: the password hash and session tokens. They are credentials, not information
 * about the person; a downloaded file can leak, and a hash in it could be cracked offline. The
 * export says that a password is set instead.
 */
export interface PersonalDataExport {
  about: string;
  exportedAt: Date;
  person: {
    id: string;
    name: string;
    email: string;
    emailVerified: boolean;
    image: string | null;
    createdAt: Date;
    updatedAt: Date;
  };
  signInMethods: {
    provider: string;
    accountId: string;
    passwordSet: boolean;
    tokensStored: boolean;
    createdAt: Date;
    updatedAt: Date;
  }[];
  sessions: {
    signedInAt: Date;
    lastRenewedAt: Date;
    expiresAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    actingFor: string | null;
    thisSession: boolean;
  }[];
  memberships: { organisation: string; role: "administrator" | "member"; since: Date }[];
  invitationsToYou: {
    email: string;
    organisation: string;
    contract: string;
    prime: string;
    perspective: "subcontractor" | "prime";
    invitedBy: string;
    sentAt: Date;
    expiresAt: Date;
    acceptedAt: Date | null;
    remindedAt: Date | null;
    state: string;
  }[];
  invitationsYouSent: { organisation: string; contract: string; sentAt: Date; note: string }[];
  /** Read-only report keys the person made for their organisation (the keys themselves are never kept). */
  apiKeysYouMade: { organisation: string; name: string; createdAt: Date; revokedAt: Date | null }[];
  /**
   * Evidence files the person uploaded to their organisation's self-assessments: what they are and
   * when, not their bytes. The documents are the organisation's (payment runs, policies), not
   * information about the person; the person's link to each is the upload, listed here. Members
   * download the files themselves from the evidence page, where access is checked; a copy inside a
   * personal download would outlive the organisation's own control of them (and be up to 100 MB).
   */
  evidenceFilesYouUploaded: {
    organisation: string;
    contract: string;
    cycle: string;
    version: number;
    principle: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    uploadedAt: Date;
  }[];
  activity: { at: Date; organisation: string | null; action: string; summary: string }[];
  passwordResetRequests: { requestedAt: Date; expiresAt: Date }[];
  emails: { to: string; subject: string; text: string; sentAt: Date }[];
  requestsToJoin: {
    organisation: string;
    reason: string;
    askedAt: Date;
    decidedAt: Date | null;
    approved: boolean | null;
  }[];
  accountRequests: {
    organisation: string;
    name: string;
    jobTitle: string;
    email: string;
    message: string | null;
    status: string;
    askedAt: Date;
    decidedAt: Date | null;
  }[];
  /** Whether you run this Chainwise service (approve councils' account requests). */
  operator: boolean;
}

const ABOUT =
  "Everything Chainwise holds about you. Ratings and self-assessments are not here: they belong to your " +
  "organisation, and nothing links them to the person who answered. Your password is stored only as a " +
  "one-way hash, which is not included; nor are the secret tokens of your sessions.";

/** The person's data, or null when there is no such person. */
export async function exportPersonalData(
  userId: string,
  { now = new Date(), currentSessionId = null as string | null } = {},
): Promise<PersonalDataExport | null> {
  const client = db();
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      image: true,
      operator: true,
      createdAt: true,
      updatedAt: true,
      accounts: {
        select: {
          providerId: true,
          accountId: true,
          password: true,
          accessToken: true,
          refreshToken: true,
          idToken: true,
          createdAt: true,
          updatedAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
      sessions: {
        select: {
          id: true,
          createdAt: true,
          updatedAt: true,
          expiresAt: true,
          ipAddress: true,
          userAgent: true,
          activeOrganisationId: true,
        },
        orderBy: { createdAt: "asc" },
      },
      memberships: {
        select: { role: true, createdAt: true, organisation: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
      evidenceFiles: {
        select: {
          principleKey: true,
          fileName: true,
          mediaType: true,
          size: true,
          sha256: true,
          createdAt: true,
          assessment: {
            select: {
              version: true,
              respondent: { select: { name: true } },
              contract: { select: { title: true } },
              cycle: { select: { name: true } },
            },
          },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      joinRequests: {
        select: {
          reason: true,
          createdAt: true,
          decidedAt: true,
          approved: true,
          organisation: { select: { name: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return null;
  const email = { equals: user.email, mode: "insensitive" as const };

  const [received, sent, events, resets, emails, keys, accountRequests] = await Promise.all([
    client.invitation.findMany({
      where: { OR: [{ email }, { acceptedById: userId }] },
      select: {
        email: true,
        primeId: true,
        perspective: true,
        invitedByOrgId: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        remindedAt: true,
        organisation: { select: { name: true } },
        contract: { select: { title: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    client.invitation.findMany({
      where: { invitedById: userId },
      select: {
        createdAt: true,
        organisation: { select: { name: true } },
        contract: { select: { title: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    // What they did, and what others recorded about their address (an invitation sent to them).
    client.auditEvent.findMany({
      where: { OR: [{ userId }, { summary: { contains: user.email, mode: "insensitive" } }] },
      select: { createdAt: true, organisationId: true, action: true, summary: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    client.verification.findMany({
      where: { value: userId },
      select: { createdAt: true, expiresAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.outboxMessage.findMany({
      where: { to: user.email.toLowerCase() },
      select: { to: true, subject: true, text: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.apiToken.findMany({
      where: { createdById: userId },
      select: { name: true, createdAt: true, revokedAt: true, organisation: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    client.accountRequest.findMany({ where: { email }, orderBy: { createdAt: "asc" } }),
  ]);

  const organisationIds = [
    ...user.sessions.map((s) => s.activeOrganisationId),
    ...received.flatMap((i) => [i.primeId, i.invitedByOrgId]),
    ...events.map((e) => e.organisationId),
  ].filter((id): id is string => id !== null);
  const organisations = await client.organisation.findMany({
    where: { id: { in: [...new Set(organisationIds)] } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null) => (id ? (organisations.find((o) => o.id === id)?.name ?? null) : null);

  return {
    about: ABOUT,
    exportedAt: now,
    person: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      image: user.image,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    signInMethods: user.accounts.map((a) => ({
      provider: a.providerId,
      accountId: a.accountId,
      passwordSet: a.password !== null,
      tokensStored: Boolean(a.accessToken || a.refreshToken || a.idToken),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
    sessions: user.sessions.map((s) => ({
      signedInAt: s.createdAt,
      lastRenewedAt: s.updatedAt,
      expiresAt: s.expiresAt,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      actingFor: nameOf(s.activeOrganisationId),
      thisSession: s.id === currentSessionId,
    })),
    memberships: user.memberships.map((m) => ({
      organisation: m.organisation.name,
      role: m.role === "ADMIN" ? "administrator" : "member",
      since: m.createdAt,
    })),
    invitationsToYou: received.map((i) => ({
      email: i.email,
      organisation: i.organisation.name,
      contract: i.contract.title,
      prime: nameOf(i.primeId) ?? "",
      perspective: fromDbPerspective(i.perspective),
      invitedBy: nameOf(i.invitedByOrgId) ?? "",
      sentAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      remindedAt: i.remindedAt,
      state: stateOf(i, now),
    })),
    invitationsYouSent: sent.map((i) => ({
      organisation: i.organisation.name,
      contract: i.contract.title,
      sentAt: i.createdAt,
      note: "The address you sent it to is another person's, so it is not included.",
    })),
    apiKeysYouMade: keys.map((k) => ({
      organisation: k.organisation.name,
      name: k.name,
      createdAt: k.createdAt,
      revokedAt: k.revokedAt,
    })),
    evidenceFilesYouUploaded: user.evidenceFiles.map((f) => ({
      organisation: f.assessment.respondent.name,
      contract: f.assessment.contract.title,
      cycle: f.assessment.cycle.name,
      version: f.assessment.version,
      principle: f.principleKey,
      fileName: f.fileName,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: f.createdAt,
    })),
    activity: events.map((e) => ({
      at: e.createdAt,
      organisation: nameOf(e.organisationId),
      action: e.action,
      summary: redactOtherAddresses(e.summary, user.email),
    })),
    passwordResetRequests: resets.map((r) => ({ requestedAt: r.createdAt, expiresAt: r.expiresAt })),
    emails: emails.map((m) => ({ to: m.to, subject: m.subject, text: m.text, sentAt: m.createdAt })),
    requestsToJoin: user.joinRequests.map((r) => ({
      organisation: r.organisation.name,
      reason: r.reason,
      askedAt: r.createdAt,
      decidedAt: r.decidedAt,
      approved: r.approved,
    })),
    accountRequests: accountRequests.map((r) => ({
      organisation: r.organisationName,
      name: r.contactName,
      jobTitle: r.jobTitle,
      email: r.email,
      message: r.message,
      status: r.status.toLowerCase(),
      askedAt: r.createdAt,
      decidedAt: r.decidedAt,
    })),
    operator: user.operator,
  };
}
