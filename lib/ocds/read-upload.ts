/**
 * Reads an uploaded file from where it is stored, a piece at a time, into contracts to import
 * (docs/decisions/0018): neither the file as uploaded nor its decoded text is ever whole in
 * memory. Each piece is checked for its encoding (decode.ts), decoded, and parsed as it is read,
 * so a UTF-8 file, as nearly all are, is read once. It is read again from its start only when that
 * first reading turns out wrong: a byte that is not UTF-8 (then as Windows-1252), or a second
 * line showing JSON Lines (then a line at a time). The event loop gets a turn between chunks, so
 * a server reading a 50 MB file answers pages meanwhile.
 */
import { type DetectedEncoding, EncodingDetector, utf8Decoder, WINDOWS_1252 } from "./decode";
import { OcdsReader } from "./parse";
import { CHUNK } from "./stream";
import type { OcdsParseResult } from "./types";

/** The stored file's pieces in order, from its start each time it is called. */
export type Pieces = () => AsyncIterable<Uint8Array>;

export interface ReadUpload {
  result: OcdsParseResult;
  /** Set when the encoding was guessed (decode.ts), for the import's notes. */
  note: string | null;
}

export async function readOcdsUpload(pieces: Pieces): Promise<ReadUpload> {
  let mode: "guess" | "lines" = "guess";
  // Null until known for certain: until then each reading checks every piece.
  let known: DetectedEncoding | null = null;
  for (;;) {
    const reader = new OcdsReader(mode);
    const pass = await readOnce(pieces, reader, known);
    if (pass.next === "not utf-8") {
      known = WINDOWS_1252;
      mode = "guess";
    } else if (pass.next === "again as lines") mode = "lines";
    else return { result: reader.end(), note: pass.detected.note };
  }
}

type Pass = { next: "end"; detected: DetectedEncoding } | { next: "again as lines" } | { next: "not utf-8" };

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** One reading of the file from its start, in the encoding `known`, or checking it as it goes. */
async function readOnce(pieces: Pieces, reader: OcdsReader, known: DetectedEncoding | null): Promise<Pass> {
  const detector = known ? null : new EncodingDetector();
  let decoder = known ? utf8Decoder(known) : null;
  // Pieces read before the first 512 bytes say how to decode them (tiny pieces, in tests).
  const early: Uint8Array[] = [];
  // The file was refused: the rest is only checked, since as Windows-1252 it might read otherwise.
  let refused = false;
  const write = async (utf8: Uint8Array) => {
    for (let at = 0; at < utf8.length && !refused; at += CHUNK) {
      const next = reader.write(utf8.subarray(at, at + CHUNK));
      if (next === "again as lines") return next;
      if (next === "done") refused = true;
      await turn();
    }
    return "more" as const;
  };
  for await (const piece of pieces()) {
    if (detector) {
      detector.write(piece);
      if (detector.notUtf8) return { next: "not utf-8" };
    }
    if (refused) {
      if (!detector || detector.settled) break;
      continue;
    }
    if (!decoder) {
      early.push(piece);
      if (!detector?.guess) continue;
      decoder = utf8Decoder(detector.guess);
      for (const held of early.splice(0)) {
        if ((await write(decoder.write(held))) === "again as lines") return { next: "again as lines" };
      }
      continue;
    }
    if ((await write(decoder.write(piece))) === "again as lines") return { next: "again as lines" };
  }
  const detected = known ?? (detector as EncodingDetector).end();
  if (!known && detected.encoding === "windows-1252") return { next: "not utf-8" };
  decoder ??= utf8Decoder(detected);
  for (const held of early.splice(0)) {
    if ((await write(decoder.write(held))) === "again as lines") return { next: "again as lines" };
  }
  if ((await write(decoder.end())) === "again as lines") return { next: "again as lines" };
  return { next: "end", detected };
}
