import { latestTo } from "@/lib/services/outbox";

export { latestTo };

/** The invitation token in the latest email to an address (the outbox keeps what was "sent"). */
export async function linkTokenFor(email: string): Promise<string> {
  const message = await latestTo(email);
  const token = message?.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no invitation link emailed to ${email}`);
  return token;
}
