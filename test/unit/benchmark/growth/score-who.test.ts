import { strict as assert } from 'node:assert';
import { lmsValue, lmsValueRestricted } from '../../../../benchmark/growth/lms.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import type { WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { whoLms } from '../../../../benchmark/growth/who-lms.js';

function visit(overrides: Partial<WhoVisit>): WhoVisit {
  return {
    sex: 1,
    ageDays: 400,
    weightKg: 10,
    statureCm: 76,
    recumbent: true,
    headCircumferenceCm: 46,
    ...overrides,
  };
}

describe('growth/score-who', () => {
  it('adds 0.7 cm to a standing height before day 731', () => {
    const standing = scoreWho(visit({ recumbent: false, statureCm: 75.3 }));
    const lying = scoreWho(visit({ recumbent: true, statureCm: 76 }));
    assert.equal(standing.haz, lying.haz);
    assert.equal(standing.whz, lying.whz);
    assert.equal(standing.baz, lying.baz);
  });

  it('takes 0.7 cm off a recumbent length from day 731', () => {
    const lying = scoreWho(visit({ ageDays: 800, recumbent: true, statureCm: 86.7 }));
    const standing = scoreWho(visit({ ageDays: 800, recumbent: false, statureCm: 86 }));
    assert.equal(lying.haz, standing.haz);
    assert.equal(lying.whz, standing.whz);
  });

  it('does not correct a standing height under 9 months (invalid position)', () => {
    const standing = scoreWho(visit({ ageDays: 200, recumbent: false, statureCm: 68 }));
    const lying = scoreWho(visit({ ageDays: 200, recumbent: true, statureCm: 68 }));
    assert.equal(standing.haz, lying.haz);
  });

  it('chooses weight-for-length before day 731 and weight-for-height from it', () => {
    const lms730 = whoLms('wfl2006', 1, 85);
    const lms731 = whoLms('wfh2006', 1, 85);
    assert.ok(lms730 !== undefined && lms731 !== undefined);
    const weight = lmsValue(0.5, lms730.l, lms730.m, lms730.s);
    const before = scoreWho(visit({ ageDays: 730, statureCm: 85, weightKg: weight }));
    const after = scoreWho(
      visit({ ageDays: 731, recumbent: false, statureCm: 85, weightKg: weight }),
    );
    assert.ok(Math.abs(before.whz - 0.5) < 1e-9);
    assert.notEqual(after.whz, before.whz);
    // Weight-for-length stops at 45 cm, weight-for-height starts at 65 cm.
    assert.ok(Number.isNaN(scoreWho(visit({ ageDays: 3, statureCm: 44.9, weightKg: 2.5 })).whz));
    assert.ok(
      Number.isNaN(scoreWho(visit({ ageDays: 900, recumbent: false, statureCm: 64.9 })).whz),
    );
  });

  it('switches from WHO 2006 to WHO 2007 after day 1826, never extrapolating', () => {
    const under = scoreWho(
      visit({ ageDays: 1826, recumbent: false, statureCm: 110, weightKg: 18 }),
    );
    const over = scoreWho(visit({ ageDays: 1827, recumbent: false, statureCm: 110, weightKg: 18 }));
    assert.ok([under.waz, under.haz, under.whz, under.baz, under.hcz].every(Number.isFinite));
    assert.ok([over.waz, over.haz, over.baz].every(Number.isFinite));
    assert.ok(Number.isNaN(over.whz) && Number.isNaN(over.hcz));
    const at10y = scoreWho(
      visit({ ageDays: 3700, recumbent: false, statureCm: 140, weightKg: 33 }),
    );
    assert.ok(Number.isNaN(at10y.waz) && Number.isFinite(at10y.haz)); // WAZ stops at 120 months
    const adult = scoreWho(
      visit({ ageDays: 7000, recumbent: false, statureCm: 170, weightKg: 60 }),
    );
    assert.ok([adult.waz, adult.haz, adult.baz].every(Number.isNaN));
  });

  it('scores only weight-for-length/height when the age is missing, by measured position', () => {
    const scores = scoreWho(visit({ ageDays: Number.NaN, statureCm: 76, weightKg: 10 }));
    const lms = whoLms('wfl2006', 1, 76);
    assert.ok(lms !== undefined);
    assert.ok(Math.abs(scores.whz - ((10 / lms.m) ** lms.l - 1) / (lms.s * lms.l)) < 1e-12);
    assert.ok([scores.waz, scores.haz, scores.baz, scores.hcz].every(Number.isNaN));
  });

  it('scores nothing for a negative age or missing measurements', () => {
    const negative = scoreWho(visit({ ageDays: -1 }));
    assert.ok(
      [negative.waz, negative.haz, negative.whz, negative.baz, negative.hcz].every(Number.isNaN),
    );
    const bare = scoreWho(visit({ weightKg: Number.NaN, statureCm: Number.NaN }));
    assert.ok([bare.waz, bare.haz, bare.whz, bare.baz].every(Number.isNaN));
    assert.ok(Number.isFinite(bare.hcz));
  });

  it('flags on the 2-decimal z with WHO cut-offs', () => {
    const lms = whoLms('wfa2006', 1, 400);
    assert.ok(lms !== undefined);
    const at = (z: number): WhoVisit =>
      visit({ weightKg: lmsValueRestricted(z, lms.l, lms.m, lms.s) });
    assert.equal(scoreWho(at(5.004)).flagged.waz, false); // rounds to 5.00
    assert.equal(scoreWho(at(5.006)).flagged.waz, true);
    assert.equal(scoreWho(at(-5.9)).flagged.waz, false); // WAZ is flagged below −6 only
    assert.equal(scoreWho(at(-6.01)).flagged.waz, true);
    const len = whoLms('lhfa2006', 1, 400);
    assert.ok(len !== undefined);
    const stature = (z: number): WhoVisit => visit({ statureCm: lmsValue(z, len.l, len.m, len.s) });
    assert.equal(scoreWho(stature(5.9)).flagged.haz, false); // length is flagged beyond ±6
    assert.equal(scoreWho(stature(-6.01)).flagged.haz, true);
    assert.equal(scoreWho(visit({ headCircumferenceCm: 30 })).flagged.hcz, true);
  });
});
