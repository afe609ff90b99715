import type { Metadata } from "next";
import type { ReactNode } from "react";
import { FocusReset } from "@/components/focus-reset";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chainwise", template: "%s – Chainwise" },
  description:
    "Evidence on how prime contractors treat the voluntary and community organisations in their supply chains.",
  // public/icon.svg, served without a database check like every static file (proxy.ts).
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col bg-white font-sans text-lg leading-relaxed">
        <a
          href="#main-content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-focus focus:p-2 focus:text-ink"
        >
          Skip to main content
        </a>
        <SiteHeader />
        <main
          id="main-content"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none"
        >
          {children}
        </main>
        <SiteFooter />
        <FocusReset />
      </body>
    </html>
  );
}
