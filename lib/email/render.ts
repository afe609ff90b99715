/**
 * How every email is put together: written once as blocks and rendered twice, as plain text and as
 * HTML, so the two never drift and every interpolated value is escaped in one place.
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
export interface WithPrivacyLink {
  /** The privacy notice on this site, e.g. https://chainwise.example.org/privacy. */
  privacyUrl: string;
}

export type Block = { heading: string } | { paragraph: string } | { link: string; label: string };

export function render(privacyUrl: string, subject: string, blocks: Block[]): EmailContent {
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
