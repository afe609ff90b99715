"use client";

import "./globals.css";

/**
 * When even the layout fails (it reads who is signed in, so a database outage fails it): a whole
 * page of its own, with the same apology as app/error.tsx and nothing of the error.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body className="bg-white font-sans text-lg leading-relaxed">
        <title>Sorry, there is a problem with the service – Chainwise</title>
        <header className="border-b-8 border-brand bg-ink px-4 py-3 text-2xl font-bold text-white">
          Chainwise
        </header>
        <main id="main-content" className="mx-auto w-full max-w-5xl px-4 py-8">
          <h1 className="mb-4 text-4xl font-bold">Sorry, there is a problem with the service</h1>
          <p className="mb-4">Try again in a few minutes. Answers you have already saved are safe.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="cursor-pointer bg-success px-4 py-2 text-lg font-bold text-white"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
