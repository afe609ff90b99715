import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Your account has been deleted" };

export default function AccountDeletedPage() {
  return (
    <div className="max-w-3xl">
      <div className="mb-8 bg-success p-6 text-white">
        <h1 className="text-4xl font-bold">Your account has been deleted</h1>
      </div>
      <p className="mb-4">
        Your name, email address, password and sessions have gone, and you have been signed out. Your
        organisations keep their ratings, with nothing linking them to you.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
