import type { Perspective } from "@/lib/framework";

/** The start page of a rating (partner) or self-assessment (prime) for one prime on one contract. */
export function startPath(task: { contractId: string; primeId: string; perspective: Perspective }): string {
  const base = `/contracts/${task.contractId}/primes/${task.primeId}`;
  return task.perspective === "prime" ? `${base}/self-assessment` : `${base}/rate`;
}
