import { formatDate } from "@/lib/format";
import { type EmailContent, render, type WithPrivacyLink } from "./render";

/** Emails about who belongs to an organisation: requests to join, joins, and new accounts. */

export interface JoinRequestDetails extends WithPrivacyLink {
  organisationName: string;
  personName: string;
  personEmail: string;
  reason: string;
  /** The members page, where administrators decide. */
  url: string;
}

/** To each administrator: someone asks to join. Nobody joins until one of them says yes. */
export function joinRequestEmail(details: JoinRequestDetails): EmailContent {
  const { organisationName, personName, personEmail, reason, url, privacyUrl } = details;
  return render(privacyUrl, `${personName} asks to join ${organisationName} on Chainwise`, [
    { heading: `${personName} asks to join ${organisationName}` },
    {
      paragraph: `${personName} (${personEmail}) has asked to join ${organisationName} on Chainwise. ${reason}.`,
    },
    {
      paragraph:
        "Members can read and change everything your organisation answers, including its ratings. " +
        "Only say yes if you know this person works for your organisation.",
    },
    { link: url, label: "Decide on your members page" },
    { paragraph: "Nobody joins until one of your administrators says yes." },
  ]);
}

export interface MemberJoinedDetails extends WithPrivacyLink {
  organisationName: string;
  personName: string;
  personEmail: string;
  /** How they joined, e.g. "Approved by Ann Smith". */
  how: string;
  url: string;
}

/** To each administrator: someone joined. They hear about every join, however it happened. */
export function memberJoinedEmail(details: MemberJoinedDetails): EmailContent {
  const { organisationName, personName, personEmail, how, url, privacyUrl } = details;
  return render(privacyUrl, `${personName} has joined ${organisationName} on Chainwise`, [
    { heading: `${personName} has joined ${organisationName}` },
    {
      paragraph: `${personName} (${personEmail}) is now a member of ${organisationName} on Chainwise. ${how}.`,
    },
    { paragraph: "If you do not know this person, remove them from your members page at once." },
    { link: url, label: "See your members" },
  ]);
}

export interface JoinDecisionDetails extends WithPrivacyLink {
  organisationName: string;
  approved: boolean;
  /** The dashboard, when approved. */
  url: string;
}

/** To the person who asked. */
export function joinDecisionEmail({
  organisationName,
  approved,
  url,
  privacyUrl,
}: JoinDecisionDetails): EmailContent {
  if (!approved) {
    return render(privacyUrl, `Your request to join ${organisationName} was declined`, [
      { heading: `Your request to join ${organisationName} was declined` },
      {
        paragraph:
          `An administrator of ${organisationName} did not add you to it on Chainwise. ` +
          "If you think this is a mistake, ask them directly.",
      },
    ]);
  }
  return render(privacyUrl, `You have joined ${organisationName} on Chainwise`, [
    { heading: `You have joined ${organisationName}` },
    { paragraph: `An administrator of ${organisationName} has added you to it on Chainwise.` },
    { link: url, label: "Go to your dashboard" },
  ]);
}

export interface WelcomeDetails extends WithPrivacyLink {
  organisationName: string;
  /** The single-use link to choose a password. */
  url: string;
  expiresInMinutes: number;
  /** The page to ask for a new link when this one has expired. */
  forgotPasswordUrl: string;
}

/** To an organisation's first administrator, made by an operator: choose a password to start. */
export function welcomeEmail(details: WelcomeDetails): EmailContent {
  const { organisationName, url, expiresInMinutes, forgotPasswordUrl, privacyUrl } = details;
  const hours = Math.round(expiresInMinutes / 60);
  return render(privacyUrl, `Your Chainwise account for ${organisationName}`, [
    { heading: `Welcome to Chainwise` },
    {
      paragraph:
        `You are the administrator of ${organisationName} on Chainwise. Choose a password to start: ` +
        "then you can add your contracts, their primes and partners, and invite them to answer.",
    },
    { link: url, label: "Choose your password" },
    {
      paragraph:
        `The link works for ${hours === 1 ? "1 hour" : `${hours} hours`} and only once. ` +
        "If it has expired, ask for a new one:",
    },
    { link: forgotPasswordUrl, label: "Get a new link" },
  ]);
}

export interface AccountRequestDetails extends WithPrivacyLink {
  organisationName: string;
  contactName: string;
  email: string;
  jobTitle: string;
  createdAt: Date;
  /** The operators' page of requests. */
  url: string;
}

/** To each operator: a council asks for an account. */
export function accountRequestEmail(details: AccountRequestDetails): EmailContent {
  const { organisationName, contactName, email, jobTitle, createdAt, url, privacyUrl } = details;
  return render(privacyUrl, `Account request: ${organisationName}`, [
    { heading: `${organisationName} asks for an account` },
    {
      paragraph:
        `${contactName} (${jobTitle}, ${email}) asked on ${formatDate(createdAt)} for a commissioner ` +
        `account for ${organisationName}. Check that they work there before you approve it.`,
    },
    { link: url, label: "Review account requests" },
  ]);
}

/** To the person who asked, when an operator declines. */
export function accountRequestDeclinedEmail({
  organisationName,
  privacyUrl,
}: { organisationName: string } & WithPrivacyLink): EmailContent {
  return render(privacyUrl, `Your Chainwise account request for ${organisationName}`, [
    { heading: "Your account request was not approved" },
    {
      paragraph:
        `We could not approve the Chainwise account you asked for on behalf of ${organisationName}. ` +
        "If you think this is a mistake, ask again from your work email address and say more about your role.",
    },
  ]);
}

/** To an existing account made an organisation's first administrator by an operator. */
export function madeAdministratorEmail({
  organisationName,
  url,
  privacyUrl,
}: { organisationName: string; url: string } & WithPrivacyLink): EmailContent {
  return render(privacyUrl, `You are the administrator of ${organisationName} on Chainwise`, [
    { heading: `You are the administrator of ${organisationName}` },
    {
      paragraph:
        `Whoever runs this Chainwise service has made you the administrator of ${organisationName}. ` +
        "Sign in with your usual password, and choose it from your account page.",
    },
    { link: url, label: "Go to your account" },
  ]);
}
