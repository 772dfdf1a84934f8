import { strict as assert } from 'node:assert';
import {
  addCompensated,
  addCompensatedSum,
  compensatedTotal,
  createCompensatedSum,
  createCompensatedSums,
} from '../../../../benchmark/metrics/compensated-sum.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

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

  it('keeps a bank of independent sums, each equal to a single sum of the same terms', () => {
    const rng = createPrng('bank');
    const bank = createCompensatedSums(3);
    const singles = [createCompensatedSum(), createCompensatedSum(), createCompensatedSum()];
    for (let i = 0; i < 10_000; i++) {
      const [index, term] = [rng.int(3), rng.normal() * 10 ** rng.int(12)];
      addCompensated(bank, index, term);
      singles[index]?.add(term);
    }
    singles.forEach((single, index) => assert.equal(compensatedTotal(bank, index), single.total()));
  });

  it('adds one sum into another with its lost bits', () => {
    const parts = createCompensatedSums(2);
    [1, 1e100, 1, -1e100].forEach((t) => addCompensated(parts, 0, t));
    addCompensated(parts, 1, 0.5);
    addCompensatedSum(parts, 1, parts, 0);
    assert.equal(compensatedTotal(parts, 1), 2.5);
  });
});
