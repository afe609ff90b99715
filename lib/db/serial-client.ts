import pg from "pg";

/**
 * A pg client that runs its promise queries one after another.
 *
 * Prisma's pg adapter loads the relations of one read (`include` of several relations) with
 * queries started together. Inside an interactive transaction they all go to the transaction's one
 * client, which pg queues today but warns will refuse in pg 9 ("Calling client.query() when the
 * client is already executing a query is deprecated"; prisma/orm#29979 is the upstream fix, still
 * open). Waiting for the previous query here keeps the order pg would use anyway and removes the
 * warning, whoever wrote the code that read in parallel. Callback and submittable queries (which
 * Prisma and our code do not use) go straight through.
 */
export class SerialClient extends pg.Client {
  #last: Promise<unknown> = Promise.resolve();

  // pg's overloads cannot be restated in a subclass; the arguments pass through untouched.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  override query(...args: any[]): any {
    const [config, values, callback] = args;
    const passThrough =
      typeof config?.submit === "function" || typeof values === "function" || typeof callback === "function";
    if (passThrough) return (super.query as (...a: unknown[]) => unknown)(...args);
    const run = this.#last.then(() => (super.query as (...a: unknown[]) => Promise<unknown>)(...args));
    this.#last = run.catch(() => undefined);
    return run;
  }
}
