/**
 * A one-line progress display on a terminal (stderr), silent otherwise so
 * that logs and pipes stay clean. Total may be unknown (folders are streamed).
 */
export class Progress {
  private last = 0;
  private readonly tty: boolean;
  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = !!stream.isTTY && !process.env.CI;
  }

  update(done: number, detail = ''): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 80) return;
    this.last = now;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const spin = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(now / 100) % 10];
    const line = `${spin} ${this.label} ${done} ${detail}`;
    this.stream.write(`\r${line.slice(0, width).padEnd(width)}`);
  }

  /** Prints a message above the progress line. */
  log(message: string): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
    this.stream.write(`${message}\n`);
  }

  done(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }
}
