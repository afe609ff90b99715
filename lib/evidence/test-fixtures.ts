import { readFileSync } from "node:fs";

/** Small real files of each kind, for tests (tests/fixtures/evidence, made by make-fixtures.py). */
export function evidenceFixture(kind: "pdf" | "xlsx" | "png" | "csv" | "exe"): Uint8Array {
  const name = {
    pdf: "payment-run.pdf",
    xlsx: "fees.xlsx",
    png: "chart.png",
    csv: "invoices.csv",
    exe: "program.exe",
  }[kind];
  return new Uint8Array(readFileSync(new URL(`../../tests/fixtures/evidence/${name}`, import.meta.url)));
}
