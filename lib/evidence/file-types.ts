import { fileTypeFromBuffer } from "file-type";

/**
 * What evidence files may be, judged from their bytes with file-type (a maintained signature
 * detector), never from their names: a program renamed "payments.pdf" is still a program.
 */
export const ACCEPTED = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
  "text/csv": "CSV",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
} as const;
export type AcceptedType = keyof typeof ACCEPTED;

export const ACCEPTED_LIST = "PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG";

export type Judged = { ok: true; mediaType: AcceptedType } | { ok: false; message: string };

/** A CSV has no signature: text in UTF-8, no NUL, named .csv. */
function isCsv(bytes: Uint8Array, fileName: string): boolean {
  if (!/\.csv$/i.test(fileName) || bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export async function judgeFileType(bytes: Uint8Array, fileName: string): Promise<Judged> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && found.mime in ACCEPTED) return { ok: true, mediaType: found.mime as AcceptedType };
  if (!found && isCsv(bytes, fileName)) return { ok: true, mediaType: "text/csv" };
  const what = found ? describe(found.ext) : "not a file type Chainwise can check";
  return {
    ok: false,
    message: `“${fileName}” is ${what}. Upload a ${ACCEPTED_LIST} file.`,
  };
}

function describe(ext: string): string {
  if (["exe", "msi", "elf", "mach", "dll"].includes(ext)) return "a program, whatever its name says";
  if (["zip", "rar", "7z", "gz", "tar"].includes(ext)) return `an archive (${ext})`;
  return `a ${ext.toUpperCase()} file`;
}
