import type { PrismaClient } from "@/lib/generated/prisma/client";
import { matchName } from "@/lib/organisations/names";

/**
 * Gives every organisation made before names were matched its `matchName`. Run at start-up after
 * migrating; does nothing once all have one. Returns how many it filled. Like score-backfill.ts it
 * takes the client and skips "server-only": prisma/prepare.ts runs it outside Next.js.
 */
export async function fillMatchNames(client: PrismaClient, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await client.organisation.findMany({
      where: { matchName: null },
      select: { id: true, name: true },
      take: batch,
    });
    if (rows.length === 0) return done;
    // One statement per batch: a national database has tens of thousands of organisations.
    await client.$executeRaw`
      UPDATE "Organisation" AS o SET "matchName" = v.m
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => matchName(r.name))}::text[]) AS v(id, m)
      WHERE o.id = v.id`;
    done += rows.length;
  }
}
