import "server-only";
import { db } from "@/lib/db/client";

/**
 * An import's stored upload (ImportRun.upload, bytea), read back a piece at a time. Read whole, a
 * 47 MB file came through the driver as one 94 MB hex string and then a buffer besides, on an
 * instance whose heap is 256 MB (ADR 0008); read in pieces, each piece's text is small and short
 * lived. The pieces are handed on as they come (lib/ocds/read-upload.ts decodes and parses them),
 * so the file is never whole in memory (issue 14, memory).
 */

/** Bytes read per statement. */
export const UPLOAD_PIECE_BYTES = 1024 * 1024;

/** The file was dropped while it was being read, by another worker that read it first. */
export class UploadGoneError extends Error {
  constructor() {
    super("The upload was dropped while it was being read.");
  }
}

/**
 * The stored file as pieces, read from its start each time they are iterated; null when there is
 * none (never stored, or dropped since by a worker that read it). Iterating throws
 * {@link UploadGoneError} when the file is dropped part way.
 */
export async function storedUploadPieces(runId: string): Promise<(() => AsyncGenerator<Uint8Array>) | null> {
  const size = await storedSize(runId);
  if (size === null) return null;
  return async function* pieces() {
    for (let offset = 0; offset < size; offset += UPLOAD_PIECE_BYTES) {
      // substring counts from 1; a bytea's substring is bytes, not characters.
      const [row] = await db().$queryRaw<{ piece: Uint8Array | null }[]>`
        SELECT substring("upload" FROM ${offset + 1}::int FOR ${UPLOAD_PIECE_BYTES}::int) AS "piece"
        FROM "ImportRun" WHERE "id" = ${runId}`;
      const piece = row?.piece;
      if (!piece || piece.length !== Math.min(UPLOAD_PIECE_BYTES, size - offset)) throw new UploadGoneError();
      yield piece;
    }
  };
}

async function storedSize(runId: string): Promise<number | null> {
  const [sized] = await db().$queryRaw<{ size: number | null }[]>`
    SELECT octet_length("upload") AS "size" FROM "ImportRun" WHERE "id" = ${runId}`;
  return sized?.size === null || sized?.size === undefined ? null : Number(sized.size);
}
