import { describe, expect, it } from "vitest";
import { toWinAnsi } from "./win-ansi";

describe("toWinAnsi", () => {
  it("writes the minus sign as a hyphen-minus and keeps what WinAnsi has (en dash, curly quotes)", () => {
    expect(toWinAnsi("−3.2 (2025–26, “Blind spot”)")).toBe("-3.2 (2025–26, “Blind spot”)");
  });
});
