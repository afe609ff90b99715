import { RESET_LINK_MINUTES, SESSION_EXPIRES_IN } from "@/lib/auth/auth";
import { INVITATION_DAYS } from "@/lib/invitations/tokens";
import { whoSeesRatings } from "@/lib/questionnaire/who-sees";
import { DEFAULT_THRESHOLDS } from "@/lib/scoring/release";
import { REQUEST_RETENTION_DAYS } from "./retention-periods";

/** What the privacy notice is generated from: the deployment's configuration (lib/env.ts). */
export interface PrivacySettings {
  draftRetentionMonths: number;
  emailTransport: "outbox" | "smtp";
  /** Whether /dev/outbox shows the outbox to visitors (DEV_OUTBOX). */
  outboxPage: boolean;
}

export interface DataCategory {
  id: string;
  title: string;
  what: string;
  why: string;
  howLong: string;
  whoSees: string;
}

const months = (n: number) => (n === 1 ? "1 month" : `${n} months`);

/**
 * Every kind of personal data Chainwise holds, with why, for how long and who sees it. The periods
 * come from the same constants and settings the code uses, so the notice says what really happens.
 * docs/privacy.md is the longer record a data protection officer starts from; keep both in step.
 */
export function personalDataCategories(settings: PrivacySettings): DataCategory[] {
  const sessionDays = SESSION_EXPIRES_IN / 86_400;
  return [
    {
      id: "account",
      title: "Your name and email address",
      what: "The name and email address you gave when you created your account, and when you created it.",
      why: "To sign you in, to send you the emails you ask for (such as a password reset) and to show your organisation's administrators who its members are.",
      howLong: "Until you delete your account.",
      whoSees: "You, and the administrators of each organisation you belong to.",
    },
    {
      id: "password",
      title: "Your password",
      what: "Your password, stored only as a one-way hash: nobody, including us, can read it back.",
      why: "To check it is you when you sign in or delete your account.",
      howLong: `Until you change it or delete your account. A password-reset link works once, for ${RESET_LINK_MINUTES} minutes.`,
      whoSees: "Nobody.",
    },
    {
      id: "sessions",
      title: "Your sessions",
      what: "Each time you sign in: when, the internet (IP) address and the browser (user agent) you used, and which organisation you are acting for. To limit password guessing we also count, for a few minutes, how often an internet address tries to sign in.",
      why: "To keep you signed in, to limit password guessing and to help investigate misuse of an account.",
      howLong: `A session ends when you sign out, when your password is reset, or ${sessionDays} days after you last used Chainwise. Expired sessions, and sign-in counts older than a day, are deleted by the daily clean-up.`,
      whoSees:
        "You (in your data download), and the people who run the service when investigating a security problem.",
    },
    {
      id: "memberships",
      title: "Your organisations and roles",
      what: "Which organisations you belong to, whether you are an administrator or a member, and since when.",
      why: "To decide what you can see and do for each organisation.",
      howLong: "Until an administrator removes you from the organisation, or you delete your account.",
      whoSees: "You, and the administrators of that organisation.",
    },
    {
      id: "invitations",
      title: "Invitations sent to your email address",
      what: "Your email address, the organisation you were asked to answer for, the contract and prime contractor, when the invitation was sent, when it expires and whether you accepted it. The link itself is stored only as a one-way hash.",
      why: "To let you, and only you, answer for your organisation.",
      howLong: `An invitation you do not accept is deleted once it expires: at most ${INVITATION_DAYS} days after it was sent, or when the rating cycle closes. An accepted invitation is kept as the record of how you joined, until you delete your account.`,
      whoSees:
        "The commissioner of the contract. The prime contractor sees the address and when it was first sent, never whether you accepted or answered.",
    },
    {
      id: "join-requests",
      title: "Requests to join an organisation",
      what: "When you ask to join an organisation that already has members (by accepting an invitation to answer for it): your name and email address, why you asked, and whether its administrators let you in.",
      why: "So that only an organisation's own administrators decide who can read and change what it answers.",
      howLong: `Until ${REQUEST_RETENTION_DAYS} days after an administrator decides, then deleted by the daily clean-up; a request nobody has decided yet is kept until they do, or until you delete your account.`,
      whoSees: "You, and the administrators of that organisation.",
    },
    {
      id: "account-requests",
      title: "Requests for a council's account",
      what: "When you ask for an account for your council or public body: its name, your name, job title and email address, and your message.",
      why: "So that the people who run this service can check who you are before they give your organisation an account.",
      howLong: `Until ${REQUEST_RETENTION_DAYS} days after the request is decided, then deleted by the daily clean-up. If it is approved, your name and email address become your account.`,
      whoSees: "The people who run this service (its operators).",
    },
    {
      id: "activity",
      title: "Your organisation's activity log",
      what: "That you signed in, submitted a rating or self-assessment, sent an invitation or changed someone's role, and when. It never records which answers anyone gave.",
      why: "So that an organisation can see who acted for it, and spot activity it did not expect.",
      howLong:
        "As long as the organisation uses Chainwise. If you delete your account the entries stay, but no longer name you.",
      whoSees: "The administrators of the organisation the entry belongs to.",
    },
    {
      id: "agreed-actions",
      title: "Actions you agreed with a prime",
      what: "When you, for a council, mark a prime's action agreed or done: that it was you, and when.",
      why: "So the council and the prime share one record of what was agreed at their contract-management meetings.",
      howLong:
        "As long as the contract's action plan is kept. If you delete your account the record stays, but no longer names you.",
      whoSees: "The council that let the contract, and the prime.",
    },
    {
      id: "emails",
      title: "Emails we send you",
      what: "Password-reset links, invitations and reminders, sent to your email address.",
      why: "Because you asked for them, or because someone invited you to answer for your organisation.",
      howLong:
        settings.emailTransport === "smtp"
          ? "We pass each email to our email provider to deliver and keep no copy."
          : `This installation does not send email: it keeps every email in its database${
              settings.outboxPage
                ? " and shows it at /dev/outbox, where anyone who can reach the site can read it"
                : ""
            }. It is for demonstrations and testing only: do not use it with real people's addresses. Emails to you are deleted when you delete your account.`,
      whoSees:
        settings.emailTransport === "smtp"
          ? "You, and our email provider while it delivers the message."
          : settings.outboxPage
            ? "Anyone who can reach this site, at /dev/outbox."
            : "Whoever runs this installation, in its database.",
    },
    {
      id: "answers",
      title: "Ratings and self-assessments",
      what: "Answers are stored against the organisation that answered, never against the person who typed them. Nothing links a submitted rating to you.",
      why: "To report how prime contractors treat their supply chains.",
      howLong: `Submitted answers are kept as the record of the rating cycle, also after you delete your account. An unfinished draft nobody has touched for ${months(settings.draftRetentionMonths)} is deleted.`,
      whoSees: whoSeesRatings(DEFAULT_THRESHOLDS),
    },
    {
      id: "evidence",
      title: "Evidence files you upload",
      what: "A prime's documents behind its self-assessment (payment runs, policies), with who uploaded each, when, its name, kind and size. Your data download lists the files you uploaded, not their contents.",
      why: "So the commissioner can check what a prime claims.",
      howLong: `As long as the self-assessment they belong to: a submitted one's files are kept with it; an unfinished draft's files are deleted with it (after ${months(settings.draftRetentionMonths)} with no change and no file added). Once partners' figures for the cycle are released, files can be added but not removed. If you delete your account, the files stay with your organisation and no longer name you.`,
      whoSees: "Your organisation's members and the contract's commissioner.",
    },
  ];
}
