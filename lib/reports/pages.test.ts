import { describe, expect, it } from "vitest";
import { pageOf } from "./pages";

describe("pageOf", () => {
  const rows = Array.from({ length: 250 }, (_, i) => i + 1);

  it("shows the first page when none is asked for", () => {
    expect(pageOf(rows, undefined)).toMatchObject({ page: 1, pages: 3, first: 1, last: 100, total: 250 });
  });

  it("shows a short last page", () => {
    const last = pageOf(rows, "3");
    expect(last).toMatchObject({ page: 3, first: 201, last: 250 });
    expect(last.rows).toHaveLength(50);
  });

  it("brings pages out of range, or not numbers, into range", () => {
    expect(pageOf(rows, "9").page).toBe(3);
    expect(pageOf(rows, "0").page).toBe(1);
    expect(pageOf(rows, "abc").page).toBe(1);
  });

  it("has one empty page for no rows", () => {
    expect(pageOf([], "2")).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });
});
