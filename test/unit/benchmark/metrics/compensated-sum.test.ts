import { strict as assert } from 'node:assert';
import { createCompensatedSum } from '../../../../benchmark/metrics/compensated-sum.js';

describe('createCompensatedSum', () => {
  it('keeps the small terms a plain sum drops', () => {
    const terms = [1, 1e100, 1, -1e100];
    assert.equal(
      terms.reduce((a, b) => a + b),
      0,
    );
    const sum = createCompensatedSum();
    terms.forEach((t) => sum.add(t));
    assert.equal(sum.total(), 2);
  });

  it('adds a million tenths to within one rounding of 100000', () => {
    const sum = createCompensatedSum();
    let plain = 0;
    for (let i = 0; i < 1_000_000; i++) {
      sum.add(0.1);
      plain += 0.1;
    }
    assert.ok(Math.abs(plain - 100000) > 1e-8);
    assert.ok(Math.abs(sum.total() - 100000) <= 1.5e-11);
  });
});
