import { strict as assert } from 'node:assert';
import { ReconnectBackoff } from '../../../../node/grpc/reconnect-backoff.js';

describe('ReconnectBackoff', () => {
  it('draws each delay within an exponentially growing, capped ceiling', () => {
    const backoff = new ReconnectBackoff(100, 1000);
    const ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
    for (const ceiling of ceilings) {
      const delay = backoff.nextDelayMs();
      assert.ok(delay >= 0 && delay <= ceiling, `${delay} > ${ceiling}`);
    }
  });

  it('jitters: many nodes failing together do not all wait the same time', () => {
    const delays = new Set(
      Array.from({ length: 50 }, () => new ReconnectBackoff(1000, 1000).nextDelayMs()),
    );
    assert.ok(delays.size > 10);
  });

  it('starts again from the base after a success', () => {
    const backoff = new ReconnectBackoff(10, 100_000);
    for (let i = 0; i < 10; i++) backoff.nextDelayMs();
    backoff.reset();
    assert.ok(backoff.nextDelayMs() <= 10);
  });
});
