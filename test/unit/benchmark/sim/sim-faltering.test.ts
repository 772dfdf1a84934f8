import { strict as assert } from 'node:assert';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import type { EarlyRisk } from '../../../../benchmark/sim/sim-faltering.js';
import {
  drawFaltering,
  falteringChance,
  falteringShift,
} from '../../../../benchmark/sim/sim-faltering.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_FALTERING } from '../../../../benchmark/tasks/growth-faltering.js';
import type { TaskExamples } from '../../../../benchmark/tasks/task-definition.js';

const TERM: EarlyRisk = { weeksEarly: 0, birthSizeZ: 0, slowGainZ: 0 };

const WIDTH = GROWTH_FALTERING.features.length;
/** Visit slots start after sex and gestational age; each is age, weight, stature, head, recumbent. */
const FIRST_SLOT = 2;
const SLOT_WIDTH = 5;

/** WAZ change from the first to the last (index) weighing the model sees; NaN with fewer than two. */
function earlyWazChange(examples: TaskExamples, row: number): number {
  const f = examples.features.subarray(row * WIDTH, (row + 1) * WIDTH);
  const waz: number[] = [];
  for (let at = FIRST_SLOT; at < WIDTH; at += SLOT_WIDTH) {
    const [ageDays = NaN, weightKg = NaN] = [f[at], f[at + 1]];
    if (Number.isNaN(ageDays) || Number.isNaN(weightKg)) continue;
    const sex = f[0] === 1 ? 1 : 2;
    const visit = { sex, ageDays, weightKg, statureCm: NaN, recumbent: false } as const;
    waz.push(scoreWho({ ...visit, headCircumferenceCm: NaN }).waz);
  }
  return waz.length < 2 ? NaN : (waz[waz.length - 1] ?? NaN) - (waz[0] ?? NaN);
}

function prevalence(examples: TaskExamples, rows: readonly number[]): number {
  return rows.filter((row) => examples.targets[row] === 1).length / rows.length;
}

describe('sim/sim-faltering', () => {
  it('gives a term infant of median size and usual gain the base rate, raised by each risk factor', () => {
    assert.equal(falteringChance(0.1, TERM), 0.1);
    assert.ok(falteringChance(0.1, { ...TERM, weeksEarly: 4 }) > 0.15);
    assert.ok(falteringChance(0.1, { ...TERM, birthSizeZ: -1 }) > 0.15);
    assert.ok(falteringChance(0.1, { ...TERM, birthSizeZ: 1 }) < 0.07);
    assert.ok(falteringChance(0.1, { ...TERM, slowGainZ: 1 }) > 0.15);
    assert.ok(falteringChance(0.1, { ...TERM, slowGainZ: -1 }) < 0.07);
    assert.equal(falteringChance(0.5, { weeksEarly: 12, birthSizeZ: -3, slowGainZ: 3 }), 0.8);
  });

  it('draws episodes at the chance, with onsets from 60 to 1000 days, mostly in infancy', () => {
    const rng = createPrng('episodes');
    const episodes = Array.from({ length: 4000 }, () => drawFaltering(0.25, TERM, rng)).filter(
      (e) => e !== undefined,
    );
    assert.ok(Math.abs(episodes.length / 4000 - 0.25) < 0.03, `${episodes.length}`);
    assert.ok(episodes.every((e) => e.onsetDays >= 60 && e.onsetDays <= 1000));
    assert.ok(episodes.every((e) => e.depth >= 1 && e.depth <= 2.5));
    const infancy = episodes.filter((e) => e.onsetDays < 548).length / episodes.length;
    assert.ok(infancy > 0.65 && infancy < 0.8, `before 18 months ${infancy}`);
  });

  it('loses weight z over 6 months from the onset, then slowly regains it', () => {
    const episode = { onsetDays: 200, depth: 2 };
    assert.equal(falteringShift(undefined, 300), 0);
    assert.equal(falteringShift(episode, 200), 0);
    assert.equal(falteringShift(episode, 291), -1);
    assert.equal(falteringShift(episode, 382), -2);
    const later = falteringShift(episode, 382 + 540);
    assert.ok(Math.abs(later + 2 / Math.E) < 1e-12);
  });

  it('gives each site a plausible faltering prevalence, lowest where undernutrition is rare', () => {
    const share = (site: keyof typeof SIM_SITES): number => {
      const { cohort } = generateSimSite(SIM_SITES[site], { children: 2000, seed: 'prev' });
      const examples = GROWTH_FALTERING.buildExamples(cohort, scoreWho);
      return prevalence(examples, [...examples.targets.keys()]);
    };
    const [urban, lowland, followup] = [share('urban'), share('lowland'), share('followup')];
    assert.ok(urban > 0.005 && urban < 0.04, `urban ${urban}`);
    assert.ok(lowland > 0.05 && lowland < 0.13, `lowland ${lowland}`);
    assert.ok(followup > 0.04 && followup < 0.12, `followup ${followup}`);
    assert.ok(lowland > 2.5 * urban && followup > 2 * urban);
  });

  it('lets what a clinic sees in the first months tell who falters: slow early gain', () => {
    const { cohort } = generateSimSite(SIM_SITES.lowland, { children: 3000, seed: 'early' });
    const examples = GROWTH_FALTERING.buildExamples(cohort, scoreWho);
    const rows = [...examples.targets.keys()].filter(
      (row) => !Number.isNaN(earlyWazChange(examples, row)),
    );
    const change = (row: number): number => earlyWazChange(examples, row);
    const sorted = [...rows].sort((a, b) => change(a) - change(b));
    const quarter = Math.floor(sorted.length / 4);
    const slowest = prevalence(examples, sorted.slice(0, quarter));
    const rest = prevalence(examples, sorted.slice(quarter));
    assert.ok(slowest > 1.5 * rest, `slowest quarter ${slowest} vs rest ${rest}`);
  });
});
