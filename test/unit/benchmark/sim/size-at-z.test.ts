import { strict as assert } from 'node:assert';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { sizeAtZ } from '../../../../benchmark/sim/size-at-z.js';

describe('sim/size-at-z', () => {
  it('gives sizes whose WHO z-scores are the latent ones (error-free round trip)', () => {
    const latent = { stature: -1.5, weight: 0.8, head: -2.4 };
    for (const sex of [1, 2] as const) {
      for (const ageDays of [10, 400, 900, 1800, 2500, 5000]) {
        const size = sizeAtZ(sex, ageDays, latent);
        const z = scoreWho({
          sex,
          ageDays,
          weightKg: size.weightKg,
          statureCm: size.statureCm,
          recumbent: ageDays < 731,
          headCircumferenceCm: size.headCm,
        });
        assert.ok(Math.abs(z.haz - latent.stature) < 1e-9, `haz at ${ageDays}`);
        const weightZ = ageDays <= 1826 ? z.whz : z.baz;
        assert.ok(Math.abs(weightZ - latent.weight) < 1e-9, `weight z at ${ageDays}`);
        if (ageDays <= 1826) assert.ok(Math.abs(z.hcz - latent.head) < 1e-9);
        else assert.ok(Number.isNaN(size.headCm));
      }
    }
  });

  it('inverts the restricted tails for extreme weights', () => {
    const size = sizeAtZ(1, 900, { stature: 0, weight: 4.5, head: 0 });
    const z = scoreWho({
      sex: 1,
      ageDays: 900,
      weightKg: size.weightKg,
      statureCm: size.statureCm,
      recumbent: false,
      headCircumferenceCm: Number.NaN,
    });
    assert.ok(Math.abs(z.whz - 4.5) < 1e-9);
  });

  it('falls back to BMI-for-age below 45 cm (very preterm newborns)', () => {
    const size = sizeAtZ(2, 3, { stature: -5.5, weight: -1, head: -4 });
    assert.ok(size.statureCm < 45);
    assert.ok(size.weightKg > 0.5 && size.weightKg < 2.5);
  });
});
