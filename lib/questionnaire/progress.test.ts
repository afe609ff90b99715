import { describe, expect, it } from "vitest";
import {
  framework,
  type Perspective,
  PRINCIPLE_KEYS,
  type PrincipleKey,
  principleQuestions,
  questionsFor,
} from "@/lib/framework";
import { nonEmpty } from "@/tests/support/non-empty";
import { isComplete, type PrincipleProgress, progress, TASK_STATUS_LABELS } from "./progress";

const keysOf = (principle: PrincipleKey, perspective: Perspective) =>
  principleQuestions(framework, principle, perspective).map((q) => q.key);

const byKey = (items: PrincipleProgress[]) => Object.fromEntries(items.map((item) => [item.key, item]));

describe("progress", () => {
  it("lists every principle in framework order with its title and question count", () => {
    for (const perspective of ["subcontractor", "prime"] as const) {
      const items = progress(framework, perspective, new Set());
      expect(items.map((i) => i.key)).toEqual([...PRINCIPLE_KEYS]);
      expect(items.map((i) => i.title)).toEqual(framework.principles.map((p) => p.title));
      expect(items.map((i) => i.total)).toEqual(PRINCIPLE_KEYS.map((k) => keysOf(k, perspective).length));
    }
  });

  it("starts with everything not started", () => {
    const items = progress(framework, "subcontractor", new Set());
    for (const item of nonEmpty(items, "principles")) {
      expect(item.status).toBe("not-started");
      expect(item.answered).toBe(0);
    }
    expect(isComplete(items)).toBe(false);
  });

  it("is in progress once some but not all of a principle's questions are answered", () => {
    const pay = keysOf("fair-payment", "subcontractor");
    const items = byKey(progress(framework, "subcontractor", new Set(pay.slice(0, 2))));
    expect(items["fair-payment"]).toMatchObject({ status: "in-progress", answered: 2, total: pay.length });
    expect(items["risk-sharing"]).toMatchObject({ status: "not-started", answered: 0 });
  });

  it("is in progress with all but one answered", () => {
    const pay = keysOf("fair-payment", "subcontractor");
    const items = byKey(progress(framework, "subcontractor", new Set(pay.slice(1))));
    expect(items["fair-payment"]).toMatchObject({ status: "in-progress", answered: pay.length - 1 });
  });

  it("is completed when every question is answered", () => {
    const pay = keysOf("fair-payment", "subcontractor");
    const items = byKey(progress(framework, "subcontractor", new Set(pay)));
    expect(items["fair-payment"]).toMatchObject({
      status: "completed",
      answered: pay.length,
      total: pay.length,
    });
  });

  it("counts Don't know and Not applicable as answered: it only looks at which keys have an answer", () => {
    // The caller passes the keys of stored answers, whatever their value; a non-answer is stored like any other.
    const good = keysOf("good-faith", "prime");
    const items = byKey(progress(framework, "prime", new Set(good)));
    expect(items["good-faith"]?.status).toBe("completed");
  });

  it("counts only this perspective's questions", () => {
    const primeKeys = questionsFor(framework, "prime").map((q) => q.key);
    const items = progress(framework, "subcontractor", new Set(primeKeys));
    for (const item of nonEmpty(items, "principles")) {
      expect(item).toMatchObject({ status: "not-started", answered: 0 });
    }
  });

  it("ignores keys that belong to no question, such as retired ones", () => {
    const pay = keysOf("fair-payment", "subcontractor");
    const items = byKey(
      progress(framework, "subcontractor", new Set([pay[0] ?? "", "pay.retired.sub", "nonsense"])),
    );
    expect(items["fair-payment"]).toMatchObject({ status: "in-progress", answered: 1 });
    expect(items["risk-sharing"]?.answered).toBe(0);
  });

  it("is complete only when every principle is completed", () => {
    const all = questionsFor(framework, "subcontractor").map((q) => q.key);
    expect(isComplete(progress(framework, "subcontractor", new Set(all)))).toBe(true);
    for (const principle of nonEmpty(PRINCIPLE_KEYS, "principles")) {
      const missingOne = new Set(all);
      missingOne.delete(keysOf(principle, "subcontractor")[0] ?? "");
      const items = progress(framework, "subcontractor", missingOne);
      expect(isComplete(items), principle).toBe(false);
      expect(byKey(items)[principle]?.status).toBe("in-progress");
      expect(items.filter((i) => i.status === "completed")).toHaveLength(PRINCIPLE_KEYS.length - 1);
    }
  });

  it("has a label for every status", () => {
    expect(TASK_STATUS_LABELS).toEqual({
      "not-started": "Not started",
      "in-progress": "In progress",
      completed: "Completed",
    });
  });
});

describe("isComplete", () => {
  const item = (key: PrincipleKey, status: PrincipleProgress["status"]): PrincipleProgress => ({
    key,
    title: key,
    status,
    answered: status === "not-started" ? 0 : status === "completed" ? 5 : 2,
    total: 5,
  });

  it("needs every item completed", () => {
    expect(isComplete(PRINCIPLE_KEYS.map((k) => item(k, "completed")))).toBe(true);
    expect(isComplete([item("risk-sharing", "completed"), item("fair-payment", "in-progress")])).toBe(false);
    expect(isComplete([item("risk-sharing", "not-started")])).toBe(false);
  });
});
