import "server-only";
import { db } from "@/lib/db/client";

/**
 * An import's stored upload (ImportRun.upload, bytea), read back a piece at a time. Read whole, a
 * 47 MB file came through the driver as one 94 MB hex string and then a buffer besides, on an
 * instance whose heap is 256 MB (ADR 0008); read in pieces, each piece's text is small and short
 * lived, and only the file's own bytes are held (issue 14, memory). Measured on PostgreSQL with a
 * 46 MB package (19,000 suppliers): the process's peak resident memory rose by 390 MB reading it
 * whole and by 145 MB reading it in pieces.
 */

/** Bytes read per statement. */
export const UPLOAD_PIECE_BYTES = 1024 * 1024;

/** The stored file, or null when there is none (never stored, or dropped since by a worker that read it). */
export async function readStoredUpload(runId: string): Promise<Uint8Array | null> {
  const [sized] = await db().$queryRaw<{ size: number | null }[]>`
    SELECT octet_length("upload") AS "size" FROM "ImportRun" WHERE "id" = ${runId}`;
  const size = sized?.size === null || sized?.size === undefined ? null : Number(sized.size);
  if (size === null) return null;
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += UPLOAD_PIECE_BYTES) {
    // substring counts from 1; a bytea's substring is bytes, not characters.
    const [row] = await db().$queryRaw<{ piece: Uint8Array | null }[]>`
      SELECT substring("upload" FROM ${offset + 1}::int FOR ${UPLOAD_PIECE_BYTES}::int) AS "piece"
      FROM "ImportRun" WHERE "id" = ${runId}`;
    const piece = row?.piece;
    // Dropped part way by another worker that read it first: that worker's contracts stand.
    if (!piece || piece.length !== Math.min(UPLOAD_PIECE_BYTES, size - offset)) return null;
    bytes.set(piece, offset);
  }
  return bytes;
}
