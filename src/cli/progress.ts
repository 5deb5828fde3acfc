/**
 * A progress line on stderr: iterations, loss, iterations per second, time left. On a terminal it
 * redraws one line in place (at most ten times a second); otherwise it prints a plain line every few
 * seconds, so logs stay readable.
 */

/** Formats seconds as 1h02m, 3m05s or 12s. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Draws training progress to a stream (stderr by default). */
export class ProgressBar {
  private lastDraw = 0;
  private readonly startedAt = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  /** The progress text for `iteration` of `total` with the latest loss. */
  line(iteration: number, loss: number): string {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const rate = elapsed > 0 ? iteration / elapsed : 0;
    const eta = rate > 0 ? (this.total - iteration) / rate : NaN;
    const filled = Math.round((this.width * iteration) / Math.max(1, this.total));
    const bar = '#'.repeat(filled) + '-'.repeat(this.width - filled);
    return `[${bar}] ${iteration}/${this.total} loss ${loss.toFixed(4)} ${rate.toFixed(0)} it/s ETA ${formatDuration(eta)}`;
  }

  /** Called with every batch; draws when enough time has passed. */
  update(iteration: number, loss: number): void {
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 100 : 5000) && iteration < this.total) return;
    this.lastDraw = now;
    if (this.tty) {
      this.stream.write(`\r${this.line(iteration, loss)}\x1b[K`);
      this.drawn = true;
    } else this.stream.write(this.line(iteration, loss) + '\n');
  }

  /** Clears the in-place line so other output starts on a fresh line. */
  clear(): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
