import { z } from "zod";
import type { Actor } from "@/lib/auth/types";
import { assertReleaser } from "@/lib/services/release-overview";
import {
  HIGHEST_THRESHOLD,
  LOWEST_THRESHOLD,
  programmeThresholds,
  raiseThresholds,
  type Thresholds,
} from "@/lib/services/release-thresholds";
import { type ReleaseOutcome, releasePeriod } from "@/lib/services/releases";
import type { FormState } from "./form-state";
import { readForm } from "./read-form";

export const CONFIRM_RELEASE =
  "Tick the box to confirm: released figures are published for good and can never be changed.";

const releaseSchema = z.object({
  period: z.string().trim().min(1, "Choose a period to release.").max(100, "That period name is too long."),
  confirm: z.literal("yes", CONFIRM_RELEASE),
});

/**
 * The release form's work, apart from the "use server" file so tests can run it as any actor: who
 * is asking is checked first (only the commissioner's administrators; releasePeriod checks again in
 * its transaction), then the form, then the release of the period's closed cycles.
 */
export async function releaseFromForm(
  actor: Actor,
  form: FormData,
  now: Date = new Date(),
): Promise<{ ok: true; outcome: ReleaseOutcome } | { ok: false; state: FormState }> {
  assertReleaser(actor);
  const read = readForm(releaseSchema, form, ["period", "confirm"]);
  if (!read.ok) return read;
  const outcome = await releasePeriod(actor, actor.organisationId, read.data.period, now);
  return { ok: true, outcome };
}

const threshold = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `Enter the ${what} as a whole number, like 5`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(LOWEST_THRESHOLD, `The ${what} must be at least ${LOWEST_THRESHOLD}`)
        .max(HIGHEST_THRESHOLD, `The ${what} must be at most ${HIGHEST_THRESHOLD}`),
    );

const thresholdsSchema = z.object({
  score: threshold("threshold for figures"),
  category: threshold("threshold for counts"),
});

/** The thresholds form's work: who is asking first, then the numbers, then the raise. */
export async function thresholdsFromForm(
  actor: Actor,
  form: FormData,
): Promise<{ ok: true; thresholds: Thresholds } | { ok: false; state: FormState }> {
  assertReleaser(actor);
  const read = readForm(thresholdsSchema, form, ["score", "category"]);
  if (!read.ok) return read;
  // Said beside the field; raiseThresholds refuses it again in its transaction.
  const current = await programmeThresholds(actor);
  const errors = (["score", "category"] as const)
    .filter((field) => read.data[field] < current[field])
    .map((field) => ({
      href: `#field-${field}`,
      questionKey: field,
      message: `It is ${current[field]} now and can be raised, never lowered: partners answered on the promise of ${current[field]}`,
    }));
  if (errors.length > 0) return { ok: false, state: { status: "error", errors, typed: read.typed } };
  return { ok: true, thresholds: await raiseThresholds(actor, read.data) };
}
