"use client";

import { Button } from "@/components/ui/button";

/**
 * Anything a page did not expect, for example the database going away mid-request: a plain apology,
 * never the error itself (Next.js sends the browser only a digest to match the server's log).
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <title>Sorry, there is a problem with the service – Chainwise</title>
      <h1 className="mb-4 text-4xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again in a few minutes. Answers you have already saved are safe.</p>
      <Button type="button" onClick={() => retry()}>
        Try again
      </Button>
    </>
  );
}
