"use server";

import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { text } from "@/lib/forms/fields";
import { recordId } from "@/lib/ids";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";

const createSchema = z.object({ name: text("a name for the key", 80) });

/** "Create key": the key is shown once, in the returned state, and never stored. */
export async function createApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const read = readForm(createSchema, form, ["name"]);
    if (!read.ok) return read.state;
    keep(read.typed);
    const { token } = await createApiToken(actor, read.data.name);
    return { status: "idle", errors: [], message: token };
  });
}

export async function revokeApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    // An id that cannot be one (a NUL, for one, would make PostgreSQL fail) names no key.
    const id = recordId.safeParse(requireForm(form).get("id"));
    if (!id.success) throw new NotFoundError();
    await revokeApiToken(actor, id.data);
    return { status: "idle", errors: [], message: "revoked" };
  });
}
