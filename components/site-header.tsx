import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";

export async function SiteHeader() {
  const actor = await currentActor();
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          Chainwise
        </Link>
        <nav aria-label="Account" className="text-base">
          {actor ? (
            <ul className="flex flex-wrap gap-4">
              <li>
                <span className="sr-only">Acting for </span>
                {actor.organisationName}
              </li>
              <li>
                <Link href="/dashboard" className="text-white hover:text-white">
                  Dashboard
                </Link>
              </li>
              <li>
                <Link href="/demo" className="text-white hover:text-white">
                  Change organisation
                </Link>
              </li>
            </ul>
          ) : (
            <Link href="/demo" className="text-white hover:text-white">
              Try the demo
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
