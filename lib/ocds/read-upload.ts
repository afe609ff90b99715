/**
 * Reads an uploaded file from where it is stored, a piece at a time, into contracts to import
 * (docs/decisions/0018): neither the file as uploaded nor its decoded text is ever whole in
 * memory. The pieces are read once to learn the encoding (decode.ts: a UTF-8 file must be checked
 * to its end), then again to decode and parse them; a JSON Lines file, known as such only once its
 * first line is read, is read a third time from its start, a line at a time. The event loop gets a
 * turn between chunks, so a server reading a 50 MB file answers pages meanwhile.
 */
import { EncodingDetector, utf8Decoder } from "./decode";
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

const turn = () => new Promise((resolve) => setImmediate(resolve));

export async function readOcdsUpload(pieces: Pieces): Promise<ReadUpload> {
  const detector = new EncodingDetector();
  for await (const piece of pieces()) {
    detector.write(piece);
    if (detector.settled) break;
  }
  const detected = detector.end();
  let reader = new OcdsReader();
  if ((await readInto(reader, pieces, detected)) === "again as lines") {
    reader = new OcdsReader("lines");
    await readInto(reader, pieces, detected);
  }
  return { result: reader.end(), note: detected.note };
}

async function readInto(
  reader: OcdsReader,
  pieces: Pieces,
  detected: ReturnType<EncodingDetector["end"]>,
): Promise<"more" | "again as lines" | "done"> {
  const decoder = utf8Decoder(detected);
  const write = async (utf8: Uint8Array) => {
    for (let at = 0; at < utf8.length; at += CHUNK) {
      const next = reader.write(utf8.subarray(at, at + CHUNK));
      if (next !== "more") return next;
      await turn();
    }
    return "more" as const;
  };
  for await (const piece of pieces()) {
    const next = await write(decoder.write(piece));
    if (next !== "more") return next;
  }
  return write(decoder.end());
}
