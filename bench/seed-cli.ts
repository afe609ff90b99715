import { parseArgs } from "node:util";
import { parseScale } from "./seed/scale";
import { seed } from "./seed/seed";
import { DEFAULT_SERVER, resolveTarget } from "./seed/target";

const usage = `Usage: npm run bench:seed -- --scale S|M|L [--database pglite|postgres|<url>|pglite:<folder>] [--server <postgres url>]
  --database  where to write (dropped first): pglite (default, .data/bench-<scale>), postgres
              (chainwise_bench_<scale> on --server), or a URL; never the dev or test database
  --server    the PostgreSQL server for --database postgres (default ${DEFAULT_SERVER.replace(/:[^:@/]+@/, ":***@")})`;

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      database: { type: "string" },
      server: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.info(usage);
    return;
  }
  const scale = parseScale(values.scale);
  const target = resolveTarget(values.database, scale, values.server ?? DEFAULT_SERVER);
  const result = await seed(scale, target);
  console.info(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
