import { formatBytes } from "../format";

/**
 * The largest OCDS file accepted, in bytes: 50 MB, the size of a large framework's release package
 * (issue 14), read by the worker as a stream (docs/decisions/0018). The browser checks it before
 * uploading, the import action and the parser check it again, and proxy.ts refuses a larger request
 * body (lib/http/body-limit.ts allows a little more for the form's other fields; next.config.js
 * lets server actions and the proxy's copy of the body be as large). Small: no client module here,
 * so the upload form can import it without the parser.
 */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Files up to this size are also read in the upload's request, so a wrong one (a web page, a
 * spreadsheet, JSON that is not OCDS) is refused at once beside the field; a larger one is read
 * only in the background, and refused on its import's page (docs/decisions/0018). A single notice
 * is a few kilobytes; reading 1 MB takes milliseconds.
 */
export const READ_IN_REQUEST_BYTES = 1024 * 1024;

/** The message for a file over the limit: the same words in the browser, the action and the parser. */
export function tooLargeMessage(bytes: number | null, maxBytes = DEFAULT_MAX_BYTES): string {
  const size = bytes === null ? "The file was" : `This file is ${formatBytes(bytes)}, which is`;
  return (
    `${size} over the ${formatBytes(maxBytes)} limit. ` +
    "Download fewer notices at a time (for example, one contract's release package) and try again."
  );
}
