/**
 * Every port the browser tests use is E2E_PORT plus an offset, so two checkouts on one machine keep
 * apart by choosing E2E_PORT values at least PORT_SPAN apart (docs/testing.md):
 *
 *   E2E_PORT + 1 … + 8     servers a spec starts itself (secondPort in second-server.ts)
 *   E2E_PORT + 10 + n      worker n's app server (n is Playwright's parallelIndex, below MAX_WORKERS)
 *   E2E_PORT + 30 + n      worker n's embedded database, served over a socket (no TEST_DATABASE_URL)
 */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAX_WORKERS = 10;
export const PORT_SPAN = 40;

export const specServerPort = (offset: number) => {
  if (offset < 1 || offset > 8) throw new Error(`spec servers use offsets 1 to 8, not ${offset}`);
  return BASE_PORT + offset;
};
export const appPort = (parallelIndex: number) => BASE_PORT + 10 + slot(parallelIndex);
export const databasePort = (parallelIndex: number) => BASE_PORT + 30 + slot(parallelIndex);

function slot(parallelIndex: number) {
  if (parallelIndex >= MAX_WORKERS) throw new Error(`at most ${MAX_WORKERS} workers have ports of their own`);
  return parallelIndex;
}
