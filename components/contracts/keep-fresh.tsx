"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reloads the page's data every `seconds` while mounted, for a page that shows work under way.
 * Without JavaScript the page offers a link to check again instead: no meta refresh, which would
 * reload the whole page under a screen reader (WCAG failure F41).
 */
export function KeepFresh({ seconds = 2 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
