import { z } from "zod";
import { NotFoundError } from "./errors";

/**
 * What an id of ours looks like (cuid: letters and digits; Better Auth's: letters, digits, _ and -).
 * An id from a form or an address that does not look like one names nothing, so services answer
 * "not found" before asking the database: a NUL character, for one, would make PostgreSQL fail.
 */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const recordId = z.string().regex(RECORD_ID);

export const isRecordId = (value: unknown): value is string =>
  typeof value === "string" && RECORD_ID.test(value);

/** For services: every id must look like one, or the thing is "not found". */
export function requireRecordIds(...ids: unknown[]): void {
  if (!ids.every(isRecordId)) throw new NotFoundError();
}

/** PostgreSQL cannot store the NUL character in text; no one types it, but pasted text can carry it. */
export const hasNul = (value: string) => value.includes("\u0000");
