import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import type { Label } from './status-prevalence.js';
import { latestVisits, statusPrevalence } from './status-prevalence.js';

const DAY_2012 = Date.UTC(2012, 0, 1) / 86_400_000;
const DAY_2025 = Date.UTC(2025, 0, 1) / 86_400_000;
const EXTRACTION = Date.UTC(2025, 5, 30) / 86_400_000;

describe('sim/generate-sim-site', () => {
  it('generates the identical cohort from the same seed and options', () => {
    const a = generateSimSite(SIM_SITES.urban, { children: 200, seed: 'same', unitMix: true });
    const b = generateSimSite(SIM_SITES.urban, { children: 200, seed: 'same', unitMix: true });
    assert.deepStrictEqual(a, b);
    const c = generateSimSite(SIM_SITES.urban, { children: 200, seed: 'other' });
    assert.notDeepStrictEqual(a.cohort.measurements.value, c.cohort.measurements.value);
  });

  it('keeps each child the same whatever the number of children', () => {
    const small = generateSimSite(SIM_SITES.lowland, { children: 20, seed: 's' }).cohort;
    const large = generateSimSite(SIM_SITES.lowland, { children: 60, seed: 's' }).cohort;
    assert.deepEqual(large.children.ids.slice(0, 20), small.children.ids);
    assert.deepEqual(large.children.birthDay.subarray(0, 20), small.children.birthDay);
    const n = small.measurements.value.length;
    assert.deepEqual(large.measurements.value.subarray(0, n), small.measurements.value);
  });

  it('writes ids, sexes, dates and measurements a clinic could have', () => {
    const { cohort } = generateSimSite(SIM_SITES.followup, { children: 500, seed: 'shape' });
    const { children, measurements: m } = cohort;
    assert.equal(children.ids[122], 'S3-000123');
    assert.ok(children.ids.every((id) => /^S3-\d{6}$/.test(id)));
    assert.ok([...children.sex].every((s) => s === 1 || s === 2));
    assert.ok([...children.birthDay].every((d) => d >= DAY_2012 && d < DAY_2025));
    for (let i = 0; i < m.child.length; i += 1) {
      const age = m.ageDays[i] ?? -1;
      const kind = m.kind[i];
      assert.ok(age >= 1 && age <= 4383 + 120, `age ${age}`);
      assert.ok((children.birthDay[m.child[i] ?? 0] ?? 0) + age <= EXTRACTION);
      if (kind === MeasurementKind.headCircumference) assert.ok(age <= 1095);
      if (kind === MeasurementKind.length) assert.ok(age < 1096);
      if (kind === MeasurementKind.height) assert.ok(age >= 274);
      if (kind === MeasurementKind.weight)
        assert.ok((m.value[i] ?? 0) > 0.3 && (m.value[i] ?? 0) < 150);
    }
  });

  it('records gestational age; the follow-up clinic has ~40 % preterm births', () => {
    const gestation = generateSimSite(SIM_SITES.followup, { children: 2000, seed: 'ga' }).cohort
      .children.gestationalAgeDays;
    assert.ok([...gestation].every((d) => d >= 168 && d <= 300));
    const preterm = [...gestation].filter((d) => d < 259).length / gestation.length;
    assert.ok(preterm > 0.36 && preterm < 0.44, `preterm ${preterm}`);
    const urban = generateSimSite(SIM_SITES.urban, { children: 2000, seed: 'ga' }).cohort.children;
    const recorded = [...urban.gestationalAgeDays].filter((d) => !Number.isNaN(d)).length / 2000;
    assert.ok(recorded > 0.65 && recorded < 0.75, `recorded ${recorded}`);
  });

  it('spreads last visits over 0–12 years, most under 5', () => {
    const { cohort } = generateSimSite(SIM_SITES.urban, { children: 2000, seed: 'ages' });
    const ages = [...latestVisits(cohort).values()].map((v) => v.ageDays);
    const underFive = ages.filter((a) => a <= 1826).length / ages.length;
    assert.ok(underFive > 0.6 && underFive < 0.85, `under five ${underFive}`);
    assert.ok(ages.some((a) => a > 3650) && ages.some((a) => a < 100));
  });

  it('has label prevalences that are plausible and differ by site as specified', () => {
    const prevalence = (site: keyof typeof SIM_SITES): Record<Label, number> =>
      statusPrevalence(generateSimSite(SIM_SITES[site], { children: 2000, seed: 'prev' }).cohort);
    const within = (
      p: Record<Label, number>,
      ranges: Partial<Record<Label, [number, number]>>,
    ): void => {
      for (const [label, [low, high]] of Object.entries(ranges) as [Label, [number, number]][]) {
        assert.ok(
          p[label] >= low && p[label] <= high,
          `${label} ${p[label]} not in [${low}, ${high}]`,
        );
      }
    };
    const urban = prevalence('urban');
    const lowland = prevalence('lowland');
    const followup = prevalence('followup');
    within(urban, {
      stunting: [0, 0.07],
      wasting: [0, 0.06],
      underweight: [0, 0.06],
      overweight: [0.1, 0.2],
      obesity: [0.02, 0.09],
      microcephaly: [0, 0.07],
    });
    within(lowland, {
      stunting: [0.24, 0.38],
      wasting: [0.06, 0.13],
      underweight: [0.15, 0.32],
      overweight: [0, 0.06],
      obesity: [0, 0.03],
    });
    within(followup, { microcephaly: [0.1, 0.3], stunting: [0.08, 0.25], wasting: [0.04, 0.15] });
    assert.ok(lowland.stunting > 4 * urban.stunting && lowland.wasting > 2 * urban.wasting);
    assert.ok(urban.overweight > 3 * lowland.overweight);
    assert.ok(followup.microcephaly > 1.5 * Math.max(urban.microcephaly, lowland.microcephaly));
  });

  it('generates a 3000-child site well within 2 s', () => {
    const start = performance.now();
    const { cohort } = generateSimSite(SIM_SITES.lowland, { children: 3000, seed: 'speed' });
    const elapsedMs = performance.now() - start;
    assert.equal(cohort.children.ids.length, 3000);
    assert.ok(elapsedMs < 2000, `${elapsedMs} ms`);
  });

  it('refuses an invalid number of children', () => {
    for (const children of [-1, 1.5, Number.NaN]) {
      assert.throws(
        () => generateSimSite(SIM_SITES.urban, { children, seed: 'x' }),
        (e: unknown) => hasCode(e, 'SIM_OPTIONS_INVALID'),
      );
    }
  });
});
