import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // Service modules import "server-only" to keep them out of client bundles; under Node it would throw.
      "server-only": `${root}tests/support/empty-module.ts`,
    },
  },
  test: {
    // A console.error or console.warn a test did not declare fails it (tests/support/console.ts).
    setupFiles: ["tests/support/fail-on-console.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Unit tests are pure and CPU-bound: a property test's hundred runs that take 1 s on an idle
          // machine take 10 s while other work holds both cores. The timeout only catches a test that
          // never ends, so it is sized for a busy machine, not an idle one.
          testTimeout: 30_000,
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts?(x)",
            "app/**/*.test.ts?(x)",
            "prisma/**/*.test.ts",
            "tests/lint/**/*.test.ts",
            "tests/e2e/support/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
