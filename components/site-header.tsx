import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          Chainwise
        </Link>
        <p className="text-base text-white">Fair supply chains in public services</p>
      </div>
    </header>
  );
}
