import "server-only";
import { db } from "@/lib/db/client";

/**
 * A fixed-window counter in the database (Better Auth's RateLimit table, under keys of our own), so
 * a limit holds across every app instance. For our own public forms; sign-in and the like are limited
 * by Better Auth itself (lib/auth/auth.ts).
 */
export async function allowAttempt(
  key: string,
  { windowSeconds, max }: { windowSeconds: number; max: number },
) {
  const now = Date.now();
  const windowStart = BigInt(now - windowSeconds * 1000);
  const id = `chainwise:${key}`.slice(0, 200);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${id}, ${id}, 0, ${BigInt(now)})
      ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ count: number; lastRequest: bigint }[]>`
      SELECT count, "lastRequest" FROM "rateLimit" WHERE key = ${id} FOR UPDATE`;
    const fresh = !row || row.lastRequest < windowStart;
    const count = fresh ? 1 : row.count + 1;
    if (count > max) return false;
    await tx.rateLimit.update({
      where: { key: id },
      data: fresh ? { count, lastRequest: BigInt(now) } : { count },
    });
    return true;
  });
}
