/** A one-line progress bar on a terminal; plain lines otherwise (logs stay readable). */
export class ProgressBar {
  private lastLine = '';

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(label: string, fraction: number): void {
    const clamped = Math.min(1, Math.max(0, fraction));
    const width = 30;
    const filled = Math.round(clamped * width);
    const line = `${label.padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(clamped * 100)}%`;
    if (line === this.lastLine) return;
    this.lastLine = line;
    if (this.stream.isTTY) this.stream.write(`\r${line}`);
  }

  done(): void {
    if (this.stream.isTTY && this.lastLine !== '') this.stream.write('\n');
    this.lastLine = '';
  }
}
