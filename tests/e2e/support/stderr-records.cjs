/**
 * Preloaded into the servers the browser tests start (NODE_OPTIONS=--require): marks the start of
 * every write to stderr with a record separator, so tests/e2e/support/server-output.ts reads one
 * console.error call (message, error, stack) as one entry however many lines it spans.
 */
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) =>
  write(
    typeof chunk === "string" ? `\u001e${chunk}` : Buffer.concat([Buffer.from("\u001e"), chunk]),
    ...rest,
  );
