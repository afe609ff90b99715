/**
 * Text for PDFKit's built-in fonts, which encode in WinAnsi: a character outside it is written as
 * two wrong bytes (the minus sign U+2212 came out as `"` and a control character). Figures use the
 * true minus on the page; in the PDF it becomes the hyphen-minus, which every reader shows as minus.
 */
const REPLACEMENTS: Record<string, string> = { "\u2212": "-", "\u2264": "<=", "\u2265": ">=" };

export const toWinAnsi = (text: string): string =>
  text.replace(/[\u2212\u2264\u2265]/g, (c) => REPLACEMENTS[c] ?? c);
