import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The import rules in biome.json bite: Biome, with the project's own configuration, runs on a small
 * project with one planted violation per rule beside files that keep the rules, and must name each
 * violation and nothing else. Without this a typo in a glob would leave a rule silently matching
 * nothing (docs/decisions/0013-import-rules-in-lint.md). The same for the access rule's plugin: only
 * lib/access reads an actor's type or role (docs/decisions/0030).
 */

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");

const files: Record<string, string> = {
  // Keep the rules.
  "lib/db/client.ts": "export const db = () => ({});\n",
  "lib/services/things.ts":
    'import { db } from "@/lib/db/client";\n\nexport const things = async () => db();\n',
  "lib/actions/things.ts":
    '"use server";\n\nimport { things } from "@/lib/services/things";\n\nexport async function thingsAction() {\n  return things();\n}\n',
  "components/things-form.tsx":
    'import { thingsAction } from "@/lib/actions/things";\n\nexport const action = thingsAction;\n',
  "app/page.tsx": 'import { action } from "@/components/things-form";\n\nexport const page = action;\n',
  "lib/actions/more.ts":
    '"use server";\n\nimport { thingsAction } from "@/lib/actions/things";\n\nexport async function moreAction() {\n  return thingsAction();\n}\n',
  // Break them, one each.
  "components/upward.tsx": 'import { page } from "@/app/page";\n\nexport const upward = page;\n',
  "components/upward-relative.tsx": 'import { page } from "../app/page";\n\nexport const upward = page;\n',
  "lib/reports/direct.ts": 'import { db } from "@/lib/db/client";\n\nexport const direct = db;\n',
  "app/direct.ts": 'import { db } from "@/lib/db/client";\n\nexport const direct = db;\n',
  "lib/second-client.ts":
    'import { PrismaClient } from "@/lib/generated/prisma/client";\n\nexport const second = PrismaClient;\n',
  // Upward from lib: services never call actions, and nothing in lib imports a component.
  "lib/services/upward.ts":
    'import { thingsAction } from "@/lib/actions/things";\n\nexport const upward = thingsAction;\n',
  "lib/services/ui.ts": 'import { action } from "@/components/things-form";\n\nexport const ui = action;\n',
  "lib/reports/ui.ts": 'import { action } from "@/components/things-form";\n\nexport const ui = action;\n',
  "lib/reports/upward.ts":
    'import { thingsAction } from "@/lib/actions/things";\n\nexport const upward = thingsAction;\n',
  "lib/actions/ui.ts": 'import { action } from "@/components/things-form";\n\nexport const ui = action;\n',
  // A cycle through the "@/" alias, as the ones issue 19 found were.
  "lib/alias-a.ts": 'import { b } from "@/lib/alias-b";\n\nexport const a = () => b;\n',
  "lib/alias-b.ts": 'import { a } from "@/lib/alias-a";\n\nexport const b = () => a;\n',
  // A cycle through types only: the rule must not ignore it.
  "lib/cycle-a.ts": 'import type { B } from "./cycle-b";\n\nexport type A = { b?: B };\n',
  "lib/cycle-b.ts": 'import type { A } from "./cycle-a";\n\nexport type B = { a?: A };\n',
  // Access is decided in lib/access (ADR 0030): only there may code read an actor's type or role.
  "lib/access/rules.ts":
    'export const admin = (actor: { role: string }) => actor.role === "ADMIN";\n\nexport const prime = (o: { organisationType: string }) => o.organisationType === "PRIME";\n',
  "components/role-label.tsx":
    'export const label = (m: { role: string }) => (m.role === "ADMIN" ? "Administrator" : "Member");\n',
  "app/admin-page.tsx": 'export const admin = (actor: { role: string }) => actor.role !== "ADMIN";\n',
  "lib/services/by-type.ts":
    'export const prime = (o: { organisationType: string }) => o.organisationType === "PRIME";\n',
  "components/by-type.tsx":
    "export const side = (actor: { organisationType: string }) => actor.organisationType;\n",
};

const violations = [
  ["components/upward.tsx", "noRestrictedImports"],
  ["components/upward-relative.tsx", "noRestrictedImports"],
  ["lib/reports/direct.ts", "noRestrictedImports"],
  ["app/direct.ts", "noRestrictedImports"],
  ["lib/second-client.ts", "noRestrictedImports"],
  ["lib/services/upward.ts", "noRestrictedImports"],
  ["lib/services/ui.ts", "noRestrictedImports"],
  ["lib/reports/ui.ts", "noRestrictedImports"],
  ["lib/reports/upward.ts", "noRestrictedImports"],
  ["lib/actions/ui.ts", "noRestrictedImports"],
  ["lib/alias-a.ts", "noImportCycles"],
  ["lib/alias-b.ts", "noImportCycles"],
  ["lib/cycle-a.ts", "noImportCycles"],
  ["lib/cycle-b.ts", "noImportCycles"],
  ["app/admin-page.tsx", "plugin"],
  ["lib/services/by-type.ts", "plugin"],
  ["components/by-type.tsx", "plugin"],
] as const;

let dir: string;
let reported: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chainwise-lint-"));
  const config = JSON.parse(readFileSync(path.join(root, "biome.json"), "utf8"));
  // The scratch folder is no git repository; every rule, include and override stays as it is.
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
  // Biome reads tsconfig's "@/" paths only in a project with a package.json: without one, an alias
  // import resolves to nothing and a cycle through it goes unseen.
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "lint-scratch", private: true }));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] }, jsx: "react-jsx" } }),
  );
  // The access rule is a GritQL plugin named by a path inside the project.
  mkdirSync(path.join(dir, "lib/access"), { recursive: true });
  writeFileSync(
    path.join(dir, "lib/access/access-rules.grit"),
    readFileSync(path.join(root, "lib/access/access-rules.grit")),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  let output: string;
  try {
    output = execFileSync(biome, ["lint", "--max-diagnostics=100", "."], {
      cwd: dir,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    output = failed.stdout + failed.stderr;
  }
  reported = [...output.matchAll(/^(\S+?):\d+:\d+ (?:lint\/\w+\/(\w+)|(plugin))/gm)].map(
    (m) => `${m[1]} ${m[2] ?? m[3]}`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("biome.json's import and access rules", () => {
  it.each(violations)("%s breaks %s, and lint says so", (file, rule) => {
    expect(reported).toContain(`${file} ${rule}`);
  });

  it("reports nothing else: services, db, actions (one calling another), components used the right way, lib/access and a role as a label pass", () => {
    expect(reported.length).toBeGreaterThan(0);
    expect([...reported].sort()).toEqual(violations.map(([file, rule]) => `${file} ${rule}`).sort());
  });
});
