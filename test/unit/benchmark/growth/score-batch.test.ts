import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import { GROWTH_INDICATORS } from '../../../../benchmark/growth/growth-indicators.js';
import { scoreBatch } from '../../../../benchmark/growth/score-batch.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';

/** A fixed spread of x and values around and beyond each indicator's range (no randomness). */
function rowsFor(indicator: GrowthIndicator, n: number) {
  const { range } = GROWTH_INDICATORS[indicator];
  const span = range.max - range.min;
  const sex = new Uint8Array(n);
  const x = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    sex[i] = i % 17 === 0 ? 3 : 1 + (i % 2);
    x[i] = i % 23 === 0 ? Number.NaN : range.min - 0.05 * span + ((i * 0.618034) % 1) * 1.1 * span;
    // Weights, lengths, BMIs and skinfolds all fall somewhere in 0–180.
    value[i] = i % 29 === 0 ? -1 : ((i * 0.41421356) % 1) * 180;
  }
  return { sex, x, value };
}

describe('growth/score-batch', () => {
  it('gives exactly the z and flag of scoreIndicator for every indicator and row', () => {
    const n = 3000;
    for (const indicator of Object.keys(GROWTH_INDICATORS) as GrowthIndicator[]) {
      const { sex, x, value } = rowsFor(indicator, n);
      const out = new Float64Array(n);
      const flags = new Uint8Array(n);
      scoreBatch(indicator, sex, x, value, out, flags);
      let scored = 0;
      for (let i = 0; i < n; i += 1) {
        const one = scoreIndicator(indicator, sex[i] ?? 0, x[i] ?? 0, value[i] ?? 0);
        assert.ok(Object.is(out[i], one.z), `${indicator} row ${i}: ${out[i]} vs ${one.z}`);
        assert.equal(flags[i], one.flagged ? 1 : 0, `${indicator} row ${i} flag`);
        if (!Number.isNaN(one.z)) scored += 1;
      }
      assert.ok(scored > n / 2, `${indicator}: only ${scored} scored`);
    }
  });

  it('works without a flags array', () => {
    const { sex, x, value } = rowsFor('cdc2000.bfa', 10);
    const out = new Float64Array(10);
    scoreBatch('cdc2000.bfa', sex, x, value, out);
    assert.ok(out.some(Number.isFinite));
  });

  it('refuses arrays of different lengths', () => {
    const ok = new Float64Array(4);
    const bad: [Uint8Array, Float64Array, Float64Array, Float64Array, Uint8Array?][] = [
      [new Uint8Array(3), ok, ok, ok],
      [new Uint8Array(4), new Float64Array(5), ok, ok],
      [new Uint8Array(4), ok, ok, new Float64Array(3)],
      [new Uint8Array(4), ok, ok, ok, new Uint8Array(2)],
    ];
    for (const [sex, x, value, out, flags] of bad) {
      assert.throws(
        () => scoreBatch('who2006.wfa', sex, x, value, out, flags),
        (e: unknown) => hasCode(e, 'GROWTH_BATCH_LENGTH_MISMATCH'),
      );
    }
  });
});
