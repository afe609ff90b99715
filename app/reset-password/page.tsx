import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { resetPasswordAction } from "@/lib/actions/account";
import { PASSWORD_MIN } from "@/lib/auth/auth";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string; welcome?: string }>;
}) {
  const { token, error, welcome } = await searchParams;
  if (!token || error) {
    return (
      <>
        <h1 className="mb-6 text-4xl font-bold">This link has expired or has already been used</h1>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">
        {welcome ? "Choose your password" : "Choose a new password"}
      </h1>
      <ActionForm
        action={resetPasswordAction}
        submitLabel={welcome ? "Save password" : "Change password"}
        hidden={{ token }}
        fields={[
          {
            name: "password",
            label: welcome ? "Password" : "New password",
            type: "password",
            autoComplete: "new-password",
            hint: `At least ${PASSWORD_MIN} characters.`,
          },
        ]}
      />
    </>
  );
}
