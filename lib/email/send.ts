import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { storeOutboxMessage } from "@/lib/services/outbox";

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The JSON nodemailer's jsonTransport produces: the message as it would have been sent. */
interface BuiltMessage {
  to: { address: string; name: string }[];
  subject: string;
  text: string;
  html?: string;
}

type Mailer =
  | { kind: "outbox"; transporter: ReturnType<typeof outboxTransport> }
  | { kind: "smtp"; transporter: ReturnType<typeof smtpTransport> };

function outboxTransport(from: string) {
  return nodemailer.createTransport({ jsonTransport: true }, { from });
}

function smtpTransport(url: string, from: string) {
  return nodemailer.createTransport(url, { from });
}

/** The privacy notice every email links to. */
export const privacyNoticeUrl = () => `${env().APP_URL}/privacy`;

let mailer: Mailer | undefined;

/** One transport per process, made on first use so that `next build` never opens an SMTP connection. */
function getMailer(): Mailer {
  if (!mailer) {
    const { EMAIL_TRANSPORT, SMTP_URL, EMAIL_FROM } = env();
    if (EMAIL_TRANSPORT === "smtp") {
      // lib/env refuses "smtp" without SMTP_URL; this keeps the types honest.
      if (!SMTP_URL) throw new Error('EMAIL_TRANSPORT is "smtp" but SMTP_URL is not set');
      mailer = { kind: "smtp", transporter: smtpTransport(SMTP_URL, EMAIL_FROM) };
    } else {
      mailer = { kind: "outbox", transporter: outboxTransport(EMAIL_FROM) };
    }
  }
  return mailer;
}

/**
 * Sends one email and returns its Message-ID. With the outbox transport nodemailer still builds
 * the message (addresses parsed, headers set); what it built is stored for /dev/outbox.
 */
export async function sendEmail(email: Email): Promise<string> {
  const current = getMailer();
  if (current.kind === "smtp") return (await current.transporter.sendMail(email)).messageId;
  const info = await current.transporter.sendMail(email);
  const built = JSON.parse(info.message) as BuiltMessage;
  await storeOutboxMessage({
    to: built.to.map((recipient) => recipient.address).join(", "),
    subject: built.subject,
    text: built.text,
    html: built.html ?? null,
  });
  return info.messageId;
}
