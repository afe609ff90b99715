import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { signUpAction } from "@/lib/actions/account";
import { PASSWORD_MIN } from "@/lib/auth/auth";
import { safeNext } from "@/lib/auth/forms";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Create an account</h1>
      <p className="mb-6 max-w-xl">
        You need an account to answer for your organisation. We keep your name and email address only to let
        you sign in and to send you links you ask for. The <Link href="/privacy">privacy notice</Link> says
        what else we keep, for how long and who sees it.
      </p>
      <ActionForm
        action={signUpAction}
        submitLabel="Create account"
        hidden={{ next: safeNext(next, "/account") }}
        fields={[
          { name: "name", label: "Full name", autoComplete: "name" },
          { name: "email", label: "Email address", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Create a password",
            type: "password",
            autoComplete: "new-password",
            hint: `At least ${PASSWORD_MIN} characters. A few ordinary words together make a strong password.`,
          },
        ]}
      />
      <p className="mt-4">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
