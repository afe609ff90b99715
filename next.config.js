/**
 * The host of APP_URL, read when the server starts. Next.js refuses a server action whose Origin
 * is not the host it was sent to (CSRF protection, left on); behind a proxy that does not forward
 * the public host, the public host must be allowed by name. A bad APP_URL is reported by lib/env.
 */
function appHost() {
  try {
    return process.env.APP_URL ? new URL(process.env.APP_URL).host : null;
  } catch {
    return null;
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite and the schema engine read their own
  // WebAssembly files from node_modules; PDFKit reads its built-in fonts.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "pdfkit",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project first (`tsc --noEmit`); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // The proxy reads a copy of each request body; past this it would see only the first part.
    proxyClientMaxBodySize: "51mb",
    serverActions: {
      // OCDS uploads may be up to 50 MB (lib/ocds/limits.ts); proxy.ts refuses anything larger
      // before it reaches us, and other pages' actions at 6 MB (lib/http/body-limit.ts BODY_LIMITS).
      bodySizeLimit: "51mb",
      ...(appHost() ? { allowedOrigins: [appHost()] } : {}),
    },
  },
  reactStrictMode: true,
};

export default nextConfig;
