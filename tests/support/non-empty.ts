import { expect } from "vitest";

/**
 * The list, once asserted to hold something: a loop over an empty list passes having tested
 * nothing (formbricks' authorization test guards its loops the same way). Use it wherever a test
 * loops over a list it did not write out itself: `for (const q of nonEmpty(questions, "questions"))`.
 */
export function nonEmpty<T>(list: Iterable<T>, what = "the list"): T[] {
  const items = [...list];
  expect(items.length, `${what} is empty, so the loop over it would test nothing`).toBeGreaterThan(0);
  return items;
}
