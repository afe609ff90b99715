import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HIDDEN_CHARACTER, NOT_A_FORM, readForm } from "./read-form";

const schema = z.object({ name: z.string().min(1, "Enter a name"), password: z.string() });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("readForm", () => {
  it("reads the fields it is told to, and keeps what was typed but passwords", () => {
    const read = readForm(schema, form({ name: "Nia", password: "secret", extra: "x" }), [
      "name",
      "password",
    ]);
    expect(read).toEqual({ ok: true, data: { name: "Nia", password: "secret" }, typed: { name: "Nia" } });
  });

  it("refuses text with a NUL character beside its field", () => {
    const read = readForm(schema, form({ name: "Ni\u0000a", password: "" }), ["name", "password"]);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.state.errors).toEqual([
        { href: "#field-name", questionKey: "name", message: HIDDEN_CHARACTER },
      ]);
    }
  });

  it("refuses anything that is not a form: actions can be called with any arguments", () => {
    for (const notAForm of [undefined, null, 5, "name=x", { get: () => "x" }]) {
      const read = readForm(schema, notAForm as unknown as FormData, ["name"]);
      expect(read).toEqual({ ok: false, state: { status: "error", message: NOT_A_FORM, errors: [] } });
    }
  });
});
