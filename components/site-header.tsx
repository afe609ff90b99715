import Link from "next/link";
import { signOutAction } from "@/lib/actions/account";
import { leaveDemoAction } from "@/lib/actions/demo";
import { currentActor, currentUser } from "@/lib/auth/actor";
import { env } from "@/lib/env";

const navLink = "text-white hover:text-white";

export async function SiteHeader() {
  const [user, actor] = await Promise.all([currentUser(), currentActor()]);
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          Chainwise
        </Link>
        <nav aria-label="Account" className="text-base">
          <ul className="flex flex-wrap items-center gap-4">
            {actor ? (
              <>
                <li>
                  <span className="sr-only">Acting for </span>
                  {actor.organisationName}
                </li>
                <li>
                  <Link href="/dashboard" className={navLink}>
                    Dashboard
                  </Link>
                </li>
              </>
            ) : null}
            {user ? (
              <>
                <li>
                  <Link href="/account" className={navLink}>
                    Your account
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="cursor-pointer text-white underline">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : actor ? (
              // Acting for a demo organisation without an account: "Sign in" here would read as if
              // the visitor were not in, so they change or leave the demo instead (issue 17).
              <>
                <li>
                  <Link href="/demo" className={navLink}>
                    Change demo organisation
                  </Link>
                </li>
                <li>
                  <form action={leaveDemoAction}>
                    <button type="submit" className="cursor-pointer text-white underline">
                      Leave the demo
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                {env().DEMO_MODE === "on" ? (
                  <li>
                    <Link href="/demo" className={navLink}>
                      Try the demo
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/sign-in" className={navLink}>
                    Sign in
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
