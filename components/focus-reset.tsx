"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";

/**
 * After a client-side navigation, puts keyboard focus where a full page load would: at the start of
 * the document, so the next Tab reaches the skip link (WCAG 2.4.3). Next.js leaves focus on the link
 * that was followed, or in the middle of the old page when that link is gone. A link to a field
 * (`…#field-x`, as "Change" on check answers) focuses the field. Next.js announces the new title.
 */
export function FocusReset() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = hash ? document.getElementById(hash) : null;
    if (target?.matches(FOCUSABLE)) {
      target.focus();
      return;
    }
    // The body is not focusable: made so for a moment, it takes focus without showing a focus ring.
    const body = document.body;
    body.setAttribute("tabindex", "-1");
    body.focus({ preventScroll: true });
    body.removeAttribute("tabindex");
  }, [pathname]);
  return null;
}
