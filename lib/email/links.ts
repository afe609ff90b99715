export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string };

const WEB_ADDRESS = /https?:\/\/[^\s<>"]+/g;

/**
 * Splits plain text into text and http(s) links, so a page can render the links as <a> elements
 * and the rest as text, with no HTML parsed. Punctuation that ends a sentence stays outside a link.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const href = match[0].replace(/[.,;:!?)\]']+$/, "");
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "link", href });
    last = match.index + href.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
