import { strict as assert } from 'node:assert';
import { logGamma } from '../../../../benchmark/stats/log-gamma.js';

describe('stats/log-gamma', () => {
  it('matches known values', () => {
    assert.ok(Math.abs(logGamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-14);
    assert.ok(Math.abs(logGamma(1)) < 1e-14);
    assert.ok(Math.abs(logGamma(2)) < 1e-14);
    assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-13);
    // ln(99!) = 359.13420536957539878…
    assert.ok(Math.abs(logGamma(100) - 359.1342053695754) < 1e-10);
    assert.ok(Math.abs(logGamma(1e-3) - 6.907178885383853) < 1e-12);
    assert.ok(Number.isNaN(logGamma(0)));
  });
});
