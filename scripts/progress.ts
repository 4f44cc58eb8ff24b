/**
 * What a long build is doing, on stderr: on a terminal one line that is rewritten (phase, documents
 * done/total, elapsed); otherwise one line per finished phase (`load: 300 sources in 1.9 s`), so logs
 * stay readable. Durations per phase are kept for the `--json` summary.
 */
export class Progress {
  readonly durations: Record<string, number> = {};
  private phase: string | null = null;
  private started = 0;
  private readonly t0 = performance.now();
  private readonly tty: boolean;
  private detail = '';
  private readonly stream: NodeJS.WriteStream;
  private readonly quiet: boolean;

  constructor(stream: NodeJS.WriteStream = process.stderr, quiet = false) {
    this.stream = stream;
    this.quiet = quiet;
    this.tty = !!stream.isTTY && !quiet;
  }

  /** Starts `name`, ending the phase before it. */
  start(name: string): void {
    this.end();
    this.phase = name;
    this.started = performance.now();
    this.detail = '';
    this.draw();
  }

  /** `done` of `total` units of the current phase. */
  tick(done: number, total: number, unit: string): void {
    this.detail = `${done}/${total} ${unit}`;
    // A redraw per unit is cheap next to a unit's work; on a pipe nothing is written until the phase ends.
    this.draw();
  }

  /** Ends the current phase; `summary` says what it did (`300 sources`). */
  end(summary?: string): void {
    if (!this.phase) return;
    const ms = performance.now() - this.started;
    this.durations[this.phase] = Math.round(ms);
    const what = summary ?? this.detail;
    const line = `${this.phase}: ${what ? `${what} in ` : ''}${seconds(ms)}`;
    if (this.tty) this.stream.write(`\r\x1b[K${line}\n`);
    else if (!this.quiet) this.stream.write(`${line}\n`);
    this.phase = null;
  }

  get elapsedMs(): number {
    return Math.round(performance.now() - this.t0);
  }

  private draw(): void {
    if (!this.tty || !this.phase) return;
    const elapsed = seconds(performance.now() - this.t0);
    this.stream.write(`\r\x1b[K${this.phase}${this.detail ? ` ${this.detail}` : ''} · ${elapsed}`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
