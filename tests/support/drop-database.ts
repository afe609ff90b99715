import type pg from "pg";

/**
 * pg's pool.end() resolves before its sockets have closed; dropping WITH (FORCE) at that moment
 * kills a closing client, which then throws an uncaught error, and must be allowed to end every
 * session (an autovacuum worker's too). Wait for the sessions to go instead; force only at the end.
 */
export async function dropWhenReleased(admin: pg.Client, name: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
