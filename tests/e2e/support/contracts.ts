/** The seeded demo council (prisma/demo-data.ts), for tests that read the demo world as it was seeded. */
export const COUNCIL = "Northmoor County Council";

/** A day relative to today, as a date field takes it (YYYY-MM-DD). */
export const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
