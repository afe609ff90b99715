import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { signInAction } from "@/lib/actions/account";
import { currentUser } from "@/lib/auth/actor";
import { safeNext } from "@/lib/auth/forms";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const { next, reset } = await searchParams;
  // Signed in but not acting for an organisation (or not yet a member of one): the account page says which.
  if (await currentUser()) redirect("/account");
  return (
    <>
      {reset ? (
        <div role="status" className="mb-8 max-w-xl border-4 border-success p-4">
          Your password has been changed. Sign in with your new password.
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Sign in</h1>
      <ActionForm
        action={signInAction}
        submitLabel="Sign in"
        hidden={{ next: safeNext(next, "/account") }}
        fields={[
          { name: "email", label: "Email address", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="mt-4">
        <Link href="/forgot-password">I have forgotten my password</Link>
      </p>
      <p className="mt-2">
        No account yet? <Link href="/sign-up">Create an account</Link>
      </p>
      {env().DEMO_MODE === "on" ? (
        <p className="mt-2">
          Or{" "}
          <Link href={`/demo${next ? `?next=${encodeURIComponent(safeNext(next))}` : ""}`}>try the demo</Link>{" "}
          without an account.
        </p>
      ) : null}
    </>
  );
}
