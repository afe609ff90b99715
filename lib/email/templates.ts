import { formatDate } from "@/lib/format";
import { type Programme, WHO_SEES_HEADING, whoSeesYourAnswersText } from "@/lib/questionnaire/who-sees";
import { type EmailContent, render, type WithPrivacyLink } from "./render";

export { DATA_USE_NOTICE, type EmailContent, escapeHtml } from "./render";

/**
 * The emails Chainwise sends, as plain functions: data in, subject and bodies out. Each email is
 * written once as blocks and rendered twice, as plain text and as HTML, so the two never drift
 * and every interpolated value is escaped in one place.
 */

export function passwordResetEmail({
  url,
  expiresInMinutes,
  privacyUrl,
}: {
  url: string;
  expiresInMinutes: number;
} & WithPrivacyLink): EmailContent {
  return render(privacyUrl, "Reset your Chainwise password", [
    { heading: "Reset your password" },
    { paragraph: "Someone asked to reset the password for your Chainwise account." },
    { link: url, label: "Choose a new password" },
    { paragraph: `The link works for ${duration(expiresInMinutes)} and only once.` },
    {
      paragraph:
        "If you did not ask for this, you can ignore this email: your password has not changed. " +
        "Nobody can change it without this link.",
    },
  ]);
}

export interface InvitationDetails extends WithPrivacyLink {
  primeName: string;
  contractTitle: string;
  url: string;
  expiresAt: Date;
  /** The organisation that asked, when known: people trust an email more when it says who sent them. */
  invitedBy?: string;
}

export function invitationEmail({
  privacyUrl,
  primeName,
  contractTitle,
  url,
  expiresAt,
  invitedBy,
  programme,
}: InvitationDetails & {
  /** The programme the partner answers in: what the email tells it about who reads its answers. */
  programme: Programme;
}): EmailContent {
  const asker = invitedBy ? `${invitedBy} has asked you` : "You have been asked";
  return render(privacyUrl, `Rate how ${primeName} works with you`, [
    { heading: `Rate how ${primeName} works with you` },
    {
      paragraph:
        `${asker} to rate how ${primeName} treats your organisation as a partner on the contract ` +
        `“${contractTitle}”: sharing risk, paying on time, building your capacity, negotiating fairly and sharing data.`,
    },
    ...whoSeesYourAnswersText(programme).map((text, i) => ({
      paragraph: i === 0 ? `${WHO_SEES_HEADING}: ${text}` : text,
    })),
    { link: url, label: "Start your rating" },
    {
      paragraph: `The link works until ${formatDate(expiresAt)}. You can save your answers and come back later.`,
    },
  ]);
}

/** The commissioner asks a prime to assess itself: the same link, a different request. */
export function selfAssessmentInvitationEmail({
  privacyUrl,
  primeName,
  contractTitle,
  url,
  expiresAt,
  invitedBy,
}: InvitationDetails): EmailContent {
  const asker = invitedBy ? `${invitedBy} has asked you` : "You have been asked";
  return render(privacyUrl, `Assess how ${primeName} works with its partners`, [
    { heading: `Assess how ${primeName} works with its partners` },
    {
      paragraph:
        `${asker} to assess how ${primeName} treats the partners in its supply chain on the contract ` +
        `“${contractTitle}”: sharing risk, paying on time, building their capacity, negotiating fairly and sharing data.`,
    },
    {
      paragraph:
        "The commissioner will see your answers beside your partners’ combined answers, so that what you " +
        "report can be compared with what they say.",
    },
    { link: url, label: "Start your self-assessment" },
    {
      paragraph: `The link works until ${formatDate(expiresAt)}. You can save your answers and come back later.`,
    },
  ]);
}

export interface ClosingReminderDetails extends WithPrivacyLink {
  primeName: string;
  contractTitle: string;
  url: string;
  closesAt: Date;
}

export function closingReminderEmail({
  privacyUrl,
  primeName,
  contractTitle,
  url,
  closesAt,
}: ClosingReminderDetails): EmailContent {
  const closes = formatDate(closesAt);
  return render(privacyUrl, `Ratings of ${primeName} close on ${closes}`, [
    { heading: `Ratings of ${primeName} close on ${closes}` },
    {
      paragraph:
        `There is still time to rate how ${primeName} works with you on the contract “${contractTitle}”. ` +
        `Answers sent after ${closes} will not count this time.`,
    },
    { link: url, label: "Continue your rating" },
    {
      paragraph:
        `Any answers you have already saved are kept. ${primeName} never sees your answers, only figures ` +
        "combining many partners, published once the round has closed.",
    },
    { paragraph: "If you have already sent your rating, thank you: you can ignore this email." },
  ]);
}

export function selfAssessmentReminderEmail({
  privacyUrl,
  primeName,
  contractTitle,
  url,
  closesAt,
}: ClosingReminderDetails): EmailContent {
  const closes = formatDate(closesAt);
  return render(privacyUrl, `Self-assessments for ${contractTitle} close on ${closes}`, [
    { heading: `Self-assessments close on ${closes}` },
    {
      paragraph:
        `There is still time to assess how ${primeName} works with its partners on the contract ` +
        `“${contractTitle}”. Answers sent after ${closes} will not count this time.`,
    },
    { link: url, label: "Continue your self-assessment" },
    { paragraph: "Any answers you have already saved are kept." },
    { paragraph: "If you have already sent your self-assessment, thank you: you can ignore this email." },
  ]);
}

/** "1 hour", "2 hours", "30 minutes". */
function duration(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
