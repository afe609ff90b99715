import type { ReactNode } from "react";

/**
 * A table or chart that may be wider than a phone: it scrolls sideways inside this labelled region,
 * and the page around it does not (WCAG 2.2 AA 1.4.10 Reflow allows it for content that needs its
 * two dimensions). Focusable, so a keyboard can scroll it.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled by keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
      // relative: hidden labels (sr-only, absolutely placed) inside must scroll with it, not widen the page
      className="scroll-region relative mb-6 max-w-full overflow-x-auto"
    >
      {children}
    </section>
  );
}
