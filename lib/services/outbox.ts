import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasNul } from "@/lib/ids";

/**
 * The email outbox: where messages go instead of an SMTP server when EMAIL_TRANSPORT is "outbox"
 * (development, tests, demos). Read at /dev/outbox and by tests.
 */

const outboxMessageSelect = {
  id: true,
  to: true,
  subject: true,
  text: true,
  html: true,
  createdAt: true,
} satisfies Prisma.OutboxMessageSelect;

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

export interface NewOutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Addresses are kept and matched in lower case, so a filter finds Alice@Example.org as alice@example.org. */
function normalise(address: string): string {
  return address.trim().toLowerCase();
}

export async function storeOutboxMessage(message: NewOutboxMessage): Promise<OutboxMessage> {
  return db().outboxMessage.create({
    data: { ...message, to: normalise(message.to) },
    select: outboxMessageSelect,
  });
}

/** Newest first; only those to one address when `to` is given. */
export async function listOutbox({ to, limit }: { to?: string; limit: number }): Promise<OutboxMessage[]> {
  const recipient = to ? normalise(to) : "";
  // No address holds a NUL character, and PostgreSQL cannot compare text with one.
  if (hasNul(recipient)) return [];
  return db().outboxMessage.findMany({
    where: recipient ? { to: recipient } : {},
    // createdAt can tie within a millisecond; id breaks the tie so the order is stable.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: outboxMessageSelect,
  });
}

/** The last message sent to an address, for tests that follow a link in it. */
export async function latestTo(email: string): Promise<OutboxMessage | null> {
  const [latest] = await listOutbox({ to: email, limit: 1 });
  return latest ?? null;
}
