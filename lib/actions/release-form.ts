import { z } from "zod";
import type { Actor } from "@/lib/auth/types";
import { assertReleaser } from "@/lib/services/release-overview";
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
