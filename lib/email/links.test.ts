import { describe, expect, it } from "vitest";
import { splitLinks } from "./links";

describe("splitLinks", () => {
  it("finds http and https links among text", () => {
    expect(splitLinks("Open this link:\nhttps://example.org/reset?token=a&b=1\nThanks")).toEqual([
      { kind: "text", text: "Open this link:\n" },
      { kind: "link", href: "https://example.org/reset?token=a&b=1" },
      { kind: "text", text: "\nThanks" },
    ]);
    expect(splitLinks("http://localhost:3000")).toEqual([{ kind: "link", href: "http://localhost:3000" }]);
  });

  it("leaves the full stop that ends a sentence outside the link", () => {
    expect(splitLinks("Go to https://example.org/start.")).toEqual([
      { kind: "text", text: "Go to " },
      { kind: "link", href: "https://example.org/start" },
      { kind: "text", text: "." },
    ]);
  });

  it("does not treat other schemes or markup as links", () => {
    const text = 'javascript:alert(1) <a href="x">mailto:someone@example.org</a>';
    expect(splitLinks(text)).toEqual([{ kind: "text", text }]);
  });

  it("gives nothing for empty text", () => {
    expect(splitLinks("")).toEqual([]);
  });
});
