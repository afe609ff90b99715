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
  // OCDS uploads may be up to 5 MB (lib/ocds); anything larger is refused before it reaches us.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
};

export default nextConfig;
