import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t-2 border-brand bg-gray-100">
      <div className="mx-auto max-w-5xl px-4 py-6 text-base text-muted">
        <nav aria-label="Footer" className="mb-4">
          <ul className="flex flex-wrap gap-6">
            <li>
              <Link href="/how-scoring-works">How scoring works</Link>
            </li>
            {/* Rendered per request and rarely followed: not worth a prefetch from every page view. */}
            <li>
              <Link href="/register" prefetch={false}>
                Register of levels
              </Link>
            </li>
            <li>
              <Link href="/privacy" prefetch={false}>
                Privacy
              </Link>
            </li>
            <li>
              <Link href="/cookies" prefetch={false}>
                Cookies
              </Link>
            </li>
          </ul>
        </nav>
        <p>
          Chainwise measures supply-chain practice against the NCVO and Serco code of practice for cooperation
          between the private and voluntary sectors in public services.
        </p>
      </div>
    </footer>
  );
}
