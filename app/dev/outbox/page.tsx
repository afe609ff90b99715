import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { splitLinks } from "@/lib/email/links";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/services/outbox";

export const metadata: Metadata = { title: "Email outbox", robots: { index: false, follow: false } };

const LIMIT = 50;

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "medium",
  timeZone: "UTC",
});

/**
 * Every email the app has "sent" while EMAIL_TRANSPORT is "outbox" (development, tests, demos).
 * Anyone who can reach the site can read it, password-reset links included, so it exists only with
 * the demo or DEV_OUTBOX=on, and start-up refuses the outbox on a public address (lib/env.ts).
 */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string | string[] }>;
}) {
  await connection();
  if (!env().DEV_OUTBOX) notFound();
  const { to: asked } = await searchParams;
  const to = (Array.isArray(asked) ? asked[0] : asked)?.trim() ?? "";
  const messages = await listOutbox({ to: to || undefined, limit: LIMIT });

  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Email outbox</h1>
      <p className="mb-8 max-w-3xl">
        Emails Chainwise has sent, newest first. They stay here instead of going out because{" "}
        <code>EMAIL_TRANSPORT</code> is <code>outbox</code>. Set it to <code>smtp</code> to send them.
      </p>

      <search aria-label="Filter emails" className="mb-8">
        <form method="get" action="/dev/outbox">
          <TextField
            name="to"
            label="Recipient"
            hint="The full email address, for example name@example.org"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={to}
          />
          <Button>Show emails</Button>
          {to ? (
            <p>
              <Link href="/dev/outbox">Show emails to everyone</Link>
            </p>
          ) : null}
        </form>
      </search>

      <h2 className="mb-4 text-2xl font-bold">{to ? `Emails to ${to}` : "All emails"}</h2>
      {messages.length === 0 ? (
        <p>{to ? `There are no emails to ${to}.` : "There are no emails yet."}</p>
      ) : (
        <>
          {messages.length === LIMIT ? <p className="mb-4">Showing the {LIMIT} newest.</p> : null}
          <ol aria-label="Emails" className="space-y-8">
            {messages.map((message) => (
              <li key={message.id} className="border-l-4 border-brand pl-4">
                <h3 className="text-xl font-bold">{message.subject}</h3>
                <dl className="mt-2 mb-4 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-base">
                  <dt className="font-bold">To</dt>
                  <dd>{message.to}</dd>
                  <dt className="font-bold">Sent</dt>
                  <dd>
                    <time dateTime={message.createdAt.toISOString()}>
                      {timeFormat.format(message.createdAt)} UTC
                    </time>
                  </dd>
                </dl>
                <div className="max-w-3xl whitespace-pre-wrap break-words">
                  {splitLinks(message.text).map((part, index) =>
                    part.kind === "link" ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
                      <a key={index} href={part.href}>
                        {part.href}
                      </a>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
