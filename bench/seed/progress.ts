/**
 * A progress bar on stderr: share done, rows written and rows per second. On a terminal it redraws
 * one line; otherwise (CI logs, files) it prints a line every few seconds.
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  add(rows: number) {
    this.done += rows;
    const now = performance.now();
    if (now - this.lastDraw >= (this.tty ? 200 : 5_000)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  get seconds() {
    return (performance.now() - this.started) / 1000;
  }

  get rows() {
    return this.done;
  }

  finish(note = "") {
    this.draw(performance.now());
    if (this.tty) process.stderr.write("\n");
    if (note) process.stderr.write(`${this.label}: ${note}\n`);
  }

  private draw(now: number) {
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    const line =
      `${this.label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%` +
      ` ${this.done.toLocaleString("en-GB")} rows, ${rate.toLocaleString("en-GB")} rows/s, ${seconds.toFixed(0)} s`;
    process.stderr.write(this.tty ? `\r${line}\u001b[K` : `${line}\n`);
  }
}
