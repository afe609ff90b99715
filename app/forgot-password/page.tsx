import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { forgotPasswordAction } from "@/lib/actions/account";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const { sent } = await searchParams;
  if (sent) {
    return (
      <>
        <h1 className="mb-6 text-4xl font-bold">Check your email</h1>
        <p className="max-w-xl">
          If an account uses that email address, we have sent it a link to reset the password. The link works
          once, for one hour.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Reset your password</h1>
      <p className="mb-6 max-w-xl">We will email you a link to choose a new password.</p>
      <ActionForm
        action={forgotPasswordAction}
        submitLabel="Send the link"
        fields={[{ name: "email", label: "Email address", type: "email", autoComplete: "email" }]}
      />
    </>
  );
}
