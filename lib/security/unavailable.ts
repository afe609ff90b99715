/**
 * Pages written here, not rendered by React. The page shown while the database cannot be reached (GOV.UK's "service unavailable" pattern). It
 * is written here, not rendered by React, because rendering any page of the app needs the database.
 */
export const UNAVAILABLE_TITLE = "Sorry, the service is unavailable";
export const RETRY_AFTER_SECONDS = 30;

export function unavailableResponse(request: Request, nonce: string): Response {
  const headers = {
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
  };
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    return Response.json(
      { status: "unavailable", error: "The database cannot be reached. Try again in a few minutes." },
      { status: 503, headers },
    );
  }
  return new Response(
    plainPage(nonce, UNAVAILABLE_TITLE, [
      "We cannot reach our database at the moment. You will be able to use the service again soon.",
      "Answers you have already saved are safe. Try again in a few minutes.",
    ]),
    {
      status: 503,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    },
  );
}

/** A page with a heading and paragraphs of plain text, for answers given before React can render. */
export function plainPage(nonce: string, title: string, paragraphs: string[]): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Chainwise</title>
<style nonce="${nonce}">
body { margin: 0; font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.6; color: #0b0c0c; }
header { background: #0b0c0c; color: #fff; border-bottom: 8px solid #1d4f6e; padding: 0.75rem 1rem; font-size: 1.5rem; font-weight: 700; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 2.25rem; line-height: 1.2; }
</style>
</head>
<body>
<header>Chainwise</header>
<main id="main-content">
<h1>${title}</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join("\n")}
</main>
</body>
</html>
`;
}

export const CROSS_SITE_TITLE = "This form could not be sent";

/** A post our origin rule refuses (lib/http/request-checks.ts): most likely a form on another site. */
export function crossSiteResponse(request: Request, nonce: string): Response {
  const headers = { "Cache-Control": "no-store" };
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response("Requests from other sites are refused.", {
      status: 403,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(
    plainPage(nonce, CROSS_SITE_TITLE, [
      "To keep your account safe, Chainwise only accepts forms sent from its own pages, and it could not tell that this one was.",
      "Go back, reload the page, and send the form again. Nothing was changed.",
    ]),
    { status: 403, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } },
  );
}
