import { randomInt } from 'node:crypto';

/**
 * Exponential backoff with full jitter: after failure n the wait is uniform in
 * [0, min(maxMs, baseMs·2ⁿ)], so nodes restarted together do not reconnect in
 * lock-step and flood a recovering coordinator.
 */
export class ReconnectBackoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 250,
    private readonly maxMs = 30_000,
  ) {}

  nextDelayMs(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 20));
    this.failures++;
    return randomInt(0, Math.max(1, Math.floor(ceiling)) + 1);
  }

  reset(): void {
    this.failures = 0;
  }
}
