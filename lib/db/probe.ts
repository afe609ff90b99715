import { db } from "./client";

/** Resolves when the database answers `SELECT 1` within `timeoutMs`; rejects when it does not. */
export async function answersWithin(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the database answers within two seconds. Never throws. */
export async function probeDatabase(): Promise<boolean> {
  return answersWithin(2_000).then(
    () => true,
    () => false,
  );
}
