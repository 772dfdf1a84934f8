import { strict as assert } from 'node:assert';
import { createPrng } from '../../../../benchmark/sim/prng.js';

describe('sim/prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createPrng('seed-1');
    const b = createPrng('seed-1');
    const c = createPrng('seed-2');
    const first = Array.from({ length: 5 }, () => a.uniform());
    assert.deepEqual(
      first,
      Array.from({ length: 5 }, () => b.uniform()),
    );
    assert.notDeepEqual(
      first,
      Array.from({ length: 5 }, () => c.uniform()),
    );
  });

  it('draws uniforms in [0, 1), integers in range and standard normals', () => {
    const rng = createPrng('moments');
    const n = 50_000;
    let sum = 0;
    let sumNormal = 0;
    let sumSquares = 0;
    const seen = new Set<number>();
    for (let i = 0; i < n; i += 1) {
      const u = rng.uniform();
      assert.ok(u >= 0 && u < 1);
      sum += u;
      const z = rng.normal();
      sumNormal += z;
      sumSquares += z * z;
      seen.add(rng.int(6));
    }
    assert.ok(Math.abs(sum / n - 0.5) < 0.01);
    assert.ok(Math.abs(sumNormal / n) < 0.02);
    assert.ok(Math.abs(sumSquares / n - 1) < 0.03);
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4, 5]);
  });

  it('returns true with the given probability', () => {
    const rng = createPrng('chance');
    let hits = 0;
    for (let i = 0; i < 20_000; i += 1) if (rng.chance(0.15)) hits += 1;
    assert.ok(Math.abs(hits / 20_000 - 0.15) < 0.01);
    assert.equal(rng.chance(0), false);
  });
});
