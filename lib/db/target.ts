import path from "node:path";

/**
 * Where the data lives, read from DATABASE_URL:
 * - `pglite:<folder>`: embedded PostgreSQL (PGlite) in a folder on disk; the default, `pglite:.data/pglite`;
 * - `pglite:memory`: embedded and in memory, gone when the process ends (tests);
 * - `postgres://…` or `postgresql://…`: a PostgreSQL server, for production and several app instances.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "pglite:.data/pglite";

export class DatabaseUrlError extends Error {
  constructor(problem: string) {
    super(
      `DATABASE_URL ${problem}\n` +
        `  Use one of:\n` +
        `    pglite:.data/pglite                      embedded database in a folder (the default)\n` +
        `    pglite:memory                            embedded, in memory, for tests\n` +
        `    postgres://user:password@host:5432/name  a PostgreSQL server\n` +
        `  or leave DATABASE_URL unset for the default.`,
    );
    this.name = "DatabaseUrlError";
  }
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const value = raw?.trim() || DEFAULT_DATABASE_URL;
  if (value.startsWith("pglite:")) {
    const location = value.slice("pglite:".length).replace(/^\/\//, "");
    if (location === "memory" || location === "memory://") return { kind: "pglite", dataDir: null };
    if (location === "") throw new DatabaseUrlError(`"${value}" names no folder after "pglite:".`);
    return { kind: "pglite", dataDir: path.resolve(location) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new DatabaseUrlError(`"${redact(value)}" is not a valid URL.`);
    }
    if (!url.hostname) throw new DatabaseUrlError(`"${redact(value)}" has no host name.`);
    if (url.pathname.length <= 1)
      throw new DatabaseUrlError(`"${redact(value)}" names no database after the host.`);
    return { kind: "postgres", url: value };
  }
  throw new DatabaseUrlError(`"${redact(value)}" is not a database Chainwise can use.`);
}

/** Hides a password before a URL goes into a message or a log. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${redact(target.url)}`;
  return target.dataDir
    ? `embedded PGlite in ${path.relative(process.cwd(), target.dataDir) || "."}`
    : "embedded PGlite in memory";
}
