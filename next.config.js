/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite and the schema engine read their own
  // WebAssembly files from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project first (`tsc --noEmit`); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
