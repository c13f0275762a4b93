// A tiny progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise (logs).
export class Progress {
  private done = 0;
  private lastDrawn = -1;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly enabled = process.env.PINFI_SIM_QUIET !== "1",
  ) {}

  tick(n = 1): void {
    this.done += n;
    if (!this.enabled || this.total === 0) return;
    const pct = Math.floor((100 * this.done) / this.total);
    if (this.tty ? pct === this.lastDrawn : pct < this.lastDrawn + 10 && this.done < this.total) return;
    this.lastDrawn = pct;
    const width = 30;
    const full = Math.round((width * this.done) / this.total);
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    const line = `${this.label} [${"#".repeat(full)}${".".repeat(width - full)}] ${pct}% ${this.done}/${this.total} ${secs}s`;
    process.stderr.write(this.tty ? `\r${line}` : `${line}\n`);
  }

  end(): void {
    if (this.enabled && this.tty && this.total > 0) process.stderr.write("\n");
  }
}
