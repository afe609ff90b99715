import { describe, expect, it } from "vitest";
import { pageFrom, pageOf, pageWindow } from "./pages";

describe("pageOf", () => {
  const rows = Array.from({ length: 250 }, (_, i) => i + 1);

  it("shows the first page when none is asked for", () => {
    expect(pageOf(rows, undefined, 100)).toMatchObject({
      page: 1,
      pages: 3,
      first: 1,
      last: 100,
      total: 250,
    });
  });

  it("shows 25 rows a page unless told otherwise: what one page renders stays small", () => {
    expect(pageOf(rows, "2")).toMatchObject({ page: 2, pages: 10, first: 26, last: 50 });
  });

  it("shows a short last page", () => {
    const last = pageOf(rows, "3", 100);
    expect(last).toMatchObject({ page: 3, first: 201, last: 250 });
    expect(last.rows).toHaveLength(50);
  });

  it("brings pages out of range, or not numbers, into range", () => {
    expect(pageOf(rows, "99").page).toBe(10);
    expect(pageOf(rows, "0").page).toBe(1);
    expect(pageOf(rows, "abc").page).toBe(1);
  });

  it("has one empty page for no rows", () => {
    expect(pageOf([], "2")).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });
});

describe("a page read from the database", () => {
  it("skips the rows before the page asked for, brought into range, and reads one page", () => {
    expect(pageWindow(800, "3")).toEqual({ page: 3, skip: 50, take: 25 });
    expect(pageWindow(800, "999")).toEqual({ page: 32, skip: 775, take: 25 });
    expect(pageWindow(0, "2")).toEqual({ page: 1, skip: 0, take: 25 });
  });

  it("gives the same page as slicing the whole list", () => {
    const all = Array.from({ length: 60 }, (_, i) => i);
    for (const asked of ["1", "2", "3", "9", undefined]) {
      const { page, skip, take } = pageWindow(all.length, asked);
      expect(pageFrom(all.slice(skip, skip + take), all.length, page)).toEqual(pageOf(all, asked));
    }
  });
});
