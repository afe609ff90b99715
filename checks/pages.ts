import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";

/**
 * The key pages the HTML and Lighthouse checks read from a running `next start`, each as the actor
 * who can open it. Demo mode must be on: the checks act for demo organisations by sending the demo
 * cookie, whose value is the organisation's id, read from the demo page as a browser would find it.
 */

export interface KeyPage {
  /** A short name, also the file name of the saved HTML. */
  name: string;
  path: string;
  /** The Cookie header to send, when the page needs an actor. */
  cookie?: string;
}

export async function fetchPage(base: string, path: string, cookie?: string): Promise<string> {
  const response = await fetch(new URL(path, base), {
    headers: { Accept: "text/html", ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`);
  return response.text();
}

const decodeHref = (value: string) => value.replace(/&amp;/g, "&");

/** The href of the first link whose text starts with `text` (tags inside the link ignored). */
function linkTo(html: string, text: string, where: string): string {
  for (const [, href = "", inner = ""] of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    if (inner.replace(/<[^>]+>/g, "").startsWith(text)) return decodeHref(href);
  }
  throw new Error(`no link "${text}…" on ${where}`);
}

async function demoCookie(base: string, organisation: string): Promise<string> {
  const html = await fetchPage(base, "/demo");
  const id = new RegExp(`value="([^"]+)"[^>]*/?>\\s*<label[^>]*>${organisation}</label>`).exec(html)?.[1];
  if (!id) throw new Error(`no demo organisation "${organisation}" on /demo (is DEMO_MODE on?)`);
  return `${DEMO_ORG_COOKIE}=${id}`;
}

/**
 * Home, sign-in, a questionnaire page and its check page (Moorland's seeded draft rating of
 * Harbourline), the council's report on Working Well and Castlegate's own report on it and its
 * meeting pack, how scoring works, and the privacy notice.
 */
export async function keyPages(base: string): Promise<KeyPage[]> {
  const partner = await demoCookie(base, "Moorland Mental Health Alliance");
  const startPage = linkTo(
    await fetchPage(base, "/dashboard", partner),
    "Rate Harbourline Care Partnerships Ltd",
    "the partner's dashboard",
  );
  const start = await fetchPage(base, startPage, partner);
  const assessment = /href="(\/assessments\/[^"/]+)"/.exec(start)?.[1];
  if (!assessment) throw new Error(`no draft to continue on ${startPage}`);

  const council = await demoCookie(base, "Northmoor County Council");
  const contract = linkTo(
    await fetchPage(base, "/contracts", council),
    "Northmoor Working Well: employment support",
    "the council's contracts",
  );
  const prime = await demoCookie(base, "Castlegate Employment Services Ltd");
  const primeReport = linkTo(
    await fetchPage(base, "/dashboard", prime),
    "Northmoor Working Well: employment support: your view",
    "the prime's dashboard",
  );

  return [
    { name: "home", path: "/" },
    { name: "sign-in", path: "/sign-in" },
    { name: "questionnaire", path: `${assessment}/risk-sharing`, cookie: partner },
    { name: "check-answers", path: `${assessment}/check`, cookie: partner },
    { name: "contract-report", path: `${contract}/report`, cookie: council },
    { name: "prime-report", path: primeReport, cookie: prime },
    {
      name: "meeting-pack",
      path: linkTo(await fetchPage(base, primeReport, prime), "The meeting pack", "the prime's report"),
      cookie: prime,
    },
    { name: "how-scoring-works", path: "/how-scoring-works" },
    { name: "privacy", path: "/privacy" },
  ];
}
