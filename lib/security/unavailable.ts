/**
 * The page shown while the database cannot be reached (GOV.UK's "service unavailable" pattern). It
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
  return new Response(page(nonce), {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}

function page(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${UNAVAILABLE_TITLE} – Chainwise</title>
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
<h1>${UNAVAILABLE_TITLE}</h1>
<p>We cannot reach our database at the moment. You will be able to use the service again soon.</p>
<p>Answers you have already saved are safe. Try again in a few minutes.</p>
</main>
</body>
</html>
`;
}
