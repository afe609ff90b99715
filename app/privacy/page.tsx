import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { personalDataCategories } from "@/lib/privacy/notice";

export const metadata: Metadata = { title: "Privacy notice" };

/** Generated from the deployment's configuration, so it names the real controller and periods. */
export default async function PrivacyPage() {
  await connection();
  const { PRIVACY_CONTROLLER, PRIVACY_CONTACT, DRAFT_RETENTION_MONTHS, EMAIL_TRANSPORT, DEV_OUTBOX } = env();
  const categories = personalDataCategories({
    draftRetentionMonths: DRAFT_RETENTION_MONTHS,
    emailTransport: EMAIL_TRANSPORT,
    outboxPage: DEV_OUTBOX,
  });

  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-4xl font-bold">Privacy notice</h1>
      <p className="mb-4 text-xl">
        Chainwise collects ratings about organisations, not people. To let people answer for their
        organisation it holds a little personal data: this page says what, why, for how long and who sees it.
      </p>

      <h2 className="mt-10 mb-4 text-3xl font-bold">Who is responsible for your data</h2>
      <p className="mb-4">
        {PRIVACY_CONTROLLER} is the data controller for this Chainwise service. Write to{" "}
        <a href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</a> with any question or request about your
        personal data.
      </p>

      <h2 className="mt-10 mb-4 text-3xl font-bold">What we hold</h2>
      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`data-${category.id}`} className="mb-8">
          <h3 id={`data-${category.id}`} className="mb-2 text-2xl font-bold">
            {category.title}
          </h3>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
            <dt className="font-bold">What</dt>
            <dd className="mb-2">{category.what}</dd>
            <dt className="font-bold">Why</dt>
            <dd className="mb-2">{category.why}</dd>
            <dt className="font-bold">How long</dt>
            <dd className="mb-2">{category.howLong}</dd>
            <dt className="font-bold">Who sees it</dt>
            <dd className="mb-2">{category.whoSees}</dd>
          </dl>
        </section>
      ))}

      <h2 className="mt-10 mb-4 text-3xl font-bold">What we do not do</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>No analytics, advertising or tracking, and no requests to other websites from our pages.</li>
        <li>
          Only the cookies Chainwise needs to work: see <Link href="/cookies">Cookies</Link>.
        </li>
        <li>We do not sell or share your data, and we make no automated decisions about people.</li>
      </ul>

      <h2 className="mt-10 mb-4 text-3xl font-bold">Where it is kept</h2>
      <p className="mb-4">
        In this service's own database.{" "}
        {EMAIL_TRANSPORT === "smtp"
          ? "The only other party that receives any of it is our email provider, which delivers our emails to you."
          : "Nothing is sent to any other party: this installation does not send email."}
      </p>

      <h2 className="mt-10 mb-4 text-3xl font-bold">Our lawful basis</h2>
      <p className="mb-4">
        Legitimate interests (UK GDPR Article 6(1)(f)): the organisations that use Chainwise need to know who
        acts for them, and people answering for an organisation need an account to do so. We hold no special
        category data.
      </p>

      <h2 className="mt-10 mb-4 text-3xl font-bold">Your rights</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>
          <Link href="/account/data">Download your personal data</Link> at any time, as a file, when you are
          signed in.
        </li>
        <li>
          <Link href="/account/delete">Delete your account</Link>. Your organisation's submitted ratings stay,
          with nothing linking them to you.
        </li>
        <li>
          Ask us to correct your data, to stop using it or to restrict how we use it, by writing to{" "}
          <a href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</a>.
        </li>
        <li>
          Complain to the Information Commissioner's Office at <a href="https://ico.org.uk">ico.org.uk</a> if
          you are unhappy with how we handle your data.
        </li>
      </ul>
    </div>
  );
}
