import { formatDate } from "@/lib/format";

/**
 * The emails Chainwise sends, as plain functions: data in, subject and bodies out. Each email is
 * written once as blocks and rendered twice, as plain text and as HTML, so the two never drift
 * and every interpolated value is escaped in one place.
 */

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** How Chainwise uses the address an email went to; every email ends with it and a link to /privacy. */
export const DATA_USE_NOTICE =
  "Chainwise keeps your name and email address only to let you sign in and to send you emails like this one. " +
  "We do not use them for anything else.";

/** Every email links to the privacy notice, which says what else is kept and for how long. */
interface WithPrivacyLink {
  /** The privacy notice on this site, e.g. https://chainwise.example.org/privacy. */
  privacyUrl: string;
}

type Block = { heading: string } | { paragraph: string } | { link: string; label: string };

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
}: InvitationDetails): EmailContent {
  const asker = invitedBy ? `${invitedBy} has asked you` : "You have been asked";
  return render(privacyUrl, `Rate how ${primeName} works with you`, [
    { heading: `Rate how ${primeName} works with you` },
    {
      paragraph:
        `${asker} to rate how ${primeName} treats your organisation as a partner on the contract ` +
        `“${contractTitle}”: sharing risk, paying on time, building your capacity, negotiating fairly and sharing data.`,
    },
    {
      paragraph:
        `Your answers are anonymous. ${primeName} never sees what your organisation said: ratings are only shown ` +
        "combined with other partners’ ratings, and only once at least 3 partners have answered.",
    },
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
    { paragraph: "Any answers you have already saved are kept. Your answers are anonymous." },
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

function render(privacyUrl: string, subject: string, blocks: Block[]): EmailContent {
  const oneLineSubject = subject.replace(/\s+/g, " ").trim();
  const privacy = webAddress(privacyUrl);
  const text = [...blocks.map(blockText), "---", DATA_USE_NOTICE, `Our privacy notice:\n${privacy}`].join(
    "\n\n",
  );
  const html = [
    "<!doctype html>",
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${escapeHtml(oneLineSubject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c;">',
    ...blocks.map(blockHtml),
    '<hr style="border: 0; border-top: 1px solid #b1b4b6;">',
    `<p style="font-size: 16px; color: #505a5f;">${escapeHtml(DATA_USE_NOTICE)} ` +
      `<a href="${escapeHtml(privacy)}" style="color: #1d70b8;">Read our privacy notice</a>.</p>`,
    "</body>",
    "</html>",
  ].join("\n");
  return { subject: oneLineSubject, text, html };
}

function blockText(block: Block): string {
  if ("heading" in block) return block.heading;
  if ("paragraph" in block) return block.paragraph;
  return `${block.label}:\n${webAddress(block.link)}`;
}

function blockHtml(block: Block): string {
  if ("heading" in block) return `<h1 style="font-size: 27px;">${escapeHtml(block.heading)}</h1>`;
  if ("paragraph" in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
  return `<p><a href="${escapeHtml(webAddress(block.link))}" style="color: #1d70b8;">${escapeHtml(block.label)}</a></p>`;
}

/** Only http(s) links go into an email: a javascript: or data: link would be a bug, or an attack. */
function webAddress(url: string): string {
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {}
  if (protocol !== "http:" && protocol !== "https:")
    throw new Error("Email links must be http:// or https:// addresses");
  return url;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** "1 hour", "2 hours", "30 minutes". */
function duration(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
