import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Also what another organisation's assessment or contract looks like: its existence is not revealed. */
export default function NotFound() {
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </>
  );
}
