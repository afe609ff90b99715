import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requestAccountAction } from "@/lib/actions/account-requests";

export const metadata: Metadata = { title: "Request an account for your council" };

/** A council (or other public body that commissions services) asks for a commissioner account. */
export default async function RequestAccountPage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const { sent } = await searchParams;
  if (sent) {
    return (
      <>
        <h1 className="mb-6 text-4xl font-bold">Thank you: we have your request</h1>
        <div className="max-w-2xl space-y-4">
          <p>
            Whoever runs this Chainwise service will check that you work for the organisation you named. When
            they approve your request, you will get an email with a link to choose your password.
          </p>
          <p>
            <Link href="/">Back to the home page</Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Request an account for your council</h1>
      <div className="mb-8 max-w-2xl space-y-4">
        <p>
          For councils and other public bodies that commission services through prime contractors. With an
          account you add your contracts, their primes and partners, open rating cycles and invite them to
          answer.
        </p>
        <p>
          Primes and partners do not need to ask: they are invited by email. Already have an account?{" "}
          <Link href="/sign-in">Sign in</Link>.
        </p>
      </div>
      <ActionForm
        action={requestAccountAction}
        submitLabel="Send request"
        fields={[
          {
            name: "organisationName",
            label: "Name of your council or public body",
            autoComplete: "organization",
          },
          { name: "contactName", label: "Your full name", autoComplete: "name" },
          { name: "jobTitle", label: "Your job title", autoComplete: "organization-title" },
          {
            name: "email",
            label: "Your work email address",
            type: "email",
            autoComplete: "email",
            hint: "We send the link to set up your account here. Use your organisation's address.",
          },
          {
            name: "message",
            label: "Anything we should know (optional)",
            multiline: true,
            hint: "For example, the contracts you want to use Chainwise for.",
          },
        ]}
      />
    </>
  );
}
