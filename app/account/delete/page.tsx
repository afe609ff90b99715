import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { deleteAccountAction } from "@/lib/actions/account";
import { currentUser } from "@/lib/auth/actor";
import { deletionBlocker } from "@/lib/services/account-deletion";

export const metadata: Metadata = { title: "Delete your account" };

export default async function DeleteAccountPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account/delete");
  const blocker = await deletionBlocker(user.id);

  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-4xl font-bold">Delete your account</h1>
      <p className="mb-4">This cannot be undone. When you delete your account, Chainwise deletes:</p>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        <li>your name, email address and password</li>
        <li>your sessions, on every device: you will be signed out</li>
        <li>your place in each of your organisations</li>
        <li>invitations sent to your email address, and emails to you</li>
      </ul>
      <p className="mb-4">It keeps what belongs to your organisations:</p>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        <li>
          ratings and self-assessments, submitted or not yet finished. They were never recorded against you,
          so nothing links them to you.
        </li>
        <li>their activity logs, which will say "a former member" instead of your name</li>
      </ul>
      <p className="mb-8">
        You may want to{" "}
        <a href="/account/data" download>
          download your data
        </a>{" "}
        first.
      </p>
      {blocker ? (
        <div role="status" className="mb-8 border-l-8 border-error p-4">
          <p className="mb-2 font-bold">{blocker}</p>
          <p>
            Administrators can change roles on the <Link href="/account/members">members page</Link>.
          </p>
        </div>
      ) : (
        <ActionForm
          action={deleteAccountAction}
          submitLabel="Delete my account"
          submitVariant="warning"
          fields={[
            {
              name: "password",
              label: "Enter your password to confirm",
              type: "password",
              autoComplete: "current-password",
            },
          ]}
        />
      )}
      <p>
        <Link href="/account">Keep my account</Link>
      </p>
    </div>
  );
}
