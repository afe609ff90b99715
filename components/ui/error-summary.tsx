"use client";

import { useEffect, useRef } from "react";
import type { FieldError } from "@/lib/questionnaire/form";

/**
 * The GOV.UK error summary: at the top of the page, focused when it appears so screen readers
 * announce it, each error a link to its field. Without JavaScript the page reloads at the top, where
 * the summary is the first thing after the heading.
 */
export function ErrorSummary({ errors, message }: { errors: readonly FieldError[]; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0 || Boolean(message);
  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    // GOV.UK: the page title starts with "Error:" while a page shows errors.
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  }, [shown]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4 focus:outline-none focus-visible:outline-3 focus-visible:outline-focus"
    >
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        There is a problem
      </h2>
      {message ? <p className="mb-2">{message}</p> : null}
      {errors.length > 0 ? (
        <ul className="space-y-1">
          {errors.map((error) => (
            <li key={`${error.href}-${error.message}`}>
              <a href={error.href} className="font-bold text-error">
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
