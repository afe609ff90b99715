import { inflateSync } from "node:zlib";

/**
 * The text a PDF draws, read back without a PDF library: each content stream inflated (PDFKit
 * compresses them with Flate) and the strings of its text operators decoded. Enough for PDFKit's
 * own output with its standard fonts, whose strings are hex in WinAnsi, split only for kerning;
 * the pieces of one line are joined, lines by a space, and runs of white space collapsed.
 */
export function pdfText(pdf: Uint8Array): string {
  const lines: string[] = [];
  for (const content of contentStreams(pdf)) {
    for (const match of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes =
        match[1] !== undefined
          ? [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? "")
          : [match[2] ?? ""];
      lines.push(hexes.map((hex) => fromWinAnsi(Buffer.from(hex, "hex"))).join(""));
    }
  }
  return lines.join(" ").replace(/\s+/g, " ");
}

/** Every stream of the file, inflated where it is compressed. */
function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const streams: string[] = [];
  let at = 0;
  for (;;) {
    const start = bytes.indexOf("stream", at, "latin1");
    if (start < 0) break;
    const bodyStart = start + (bytes[start + 6] === 0x0d ? 8 : 7);
    const end = bytes.indexOf("endstream", bodyStart, "latin1");
    if (end < 0) break;
    const raw = bytes.subarray(bodyStart, end);
    try {
      streams.push(inflateSync(raw).toString("latin1"));
    } catch {
      streams.push(raw.toString("latin1"));
    }
    at = end + 9;
  }
  return streams;
}

/** What the pages draw: each font size text is set in, and how many filled rectangles (chart bars, legend keys). */
export function pdfDrawing(pdf: Uint8Array): { fontSizes: number[]; filledRectangles: number } {
  const fontSizes = new Set<number>();
  let filledRectangles = 0;
  for (const content of contentStreams(pdf)) {
    for (const m of content.matchAll(/\/\S+ ([\d.]+) Tf/g)) fontSizes.add(Number(m[1]));
    filledRectangles += [...content.matchAll(/ re\n(?:[^\n]*(?:cs|scn)\n)*f\n/g)].length;
  }
  return { fontSizes: [...fontSizes].sort((a, b) => a - b), filledRectangles };
}

/** WinAnsi is Latin-1 but for 0x80–0x9F, where PDFKit's fonts put these (and a few more). */
const WIN_ANSI: Record<number, string> = {
  133: "…",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  150: "–",
  151: "—",
};

const fromWinAnsi = (bytes: Buffer): string =>
  Array.from(bytes, (b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join("");
