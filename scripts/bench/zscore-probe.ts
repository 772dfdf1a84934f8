/**
 * Child process of the z-score benchmark: scores a typed-array batch of
 * WHO 2006 weight-for-age cases with `scoreBatch` and, as the floor, makes
 * one trivial arithmetic pass over the same arrays; prints medians as JSON.
 */
import { findGrowthIndicator } from '../../benchmark/growth/growth-indicators.js';
import { lmsValue } from '../../benchmark/growth/lms.js';
import { whoLms } from '../../benchmark/growth/who-lms.js';
import { scoreBatch } from '../../benchmark/growth/score-batch.js';
import { createPrng } from '../../benchmark/sim/prng.js';
import { median, timeMs } from './measure-time.js';

const rows = Number(process.argv[2] ?? '2000000');
const runs = Number(process.argv[3] ?? '5');
const indicator = findGrowthIndicator('WHO2006', 'wfa');
if (indicator === undefined) throw new Error('indicator not found');

// Realistic inputs: ages across 0–5 y, weights drawn at a random z of the reference itself.
const rng = createPrng('bench-zscores');
const sex = new Uint8Array(rows);
const ageDays = new Float64Array(rows);
const weightKg = new Float64Array(rows);
for (let i = 0; i < rows; i++) {
  sex[i] = rng.chance(0.5) ? 1 : 2;
  ageDays[i] = rng.int(1826);
  const lms = whoLms('wfa2006', sex[i] as number, ageDays[i] as number);
  weightKg[i] = lms === undefined ? 10 : lmsValue(rng.normal() * 1.5, lms.l, lms.m, lms.s);
}
const out = new Float64Array(rows);
const score = (): Promise<void> =>
  Promise.resolve(scoreBatch(indicator, sex, ageDays, weightKg, out));
const floor = (): Promise<void> => {
  for (let i = 0; i < rows; i++) out[i] = ((weightKg[i] as number) - (ageDays[i] as number)) * 0.5;
  return Promise.resolve();
};
await score();
await floor();
const scoreTimes: number[] = [];
const floorTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  scoreTimes.push(await timeMs(score));
  floorTimes.push(await timeMs(floor));
}
process.stdout.write(
  `${JSON.stringify({ rows, scoreMs: median(scoreTimes), floorMs: median(floorTimes) })}\n`,
);
