/**
 * The labels of `growth.status/v1` (DESIGN §7): the WHO cut-offs applied to
 * one visit's z-scores.
 */
import type { WhoScores } from '../growth/score-who.js';

/** Last day of WHO 2006 (the anthro tables end at 1826 days); WHO 2007 from the day after. */
const UNDER_FIVE_LAST_DAY = 1826;

/**
 * The six labels from WHO z-scores (DESIGN §7 and the spine issue):
 * stunting HAZ < −2; wasting WHZ < −2 under 5 y, thinness BAZ < −2 from 5 y;
 * underweight WAZ < −2 (WAZ exists to 10 y); overweight WHZ > 2 / BAZ > 1;
 * obesity WHZ > 3 / BAZ > 2; microcephaly HCZ < −2 (under 5 y, when measured).
 * A z that is missing or flagged implausible leaves its label undefined (-1).
 */
export function statusLabels(ageDays: number, z: WhoScores): number[] {
  const underFive = ageDays <= UNDER_FIVE_LAST_DAY;
  const weightForStature = underFive ? usable(z.whz, z.flagged.whz) : usable(z.baz, z.flagged.baz);
  const [overweightCut, obesityCut] = underFive ? [2, 3] : [1, 2];
  return [
    below(usable(z.haz, z.flagged.haz), -2),
    below(weightForStature, -2),
    below(usable(z.waz, z.flagged.waz), -2),
    above(weightForStature, overweightCut),
    above(weightForStature, obesityCut),
    underFive ? below(usable(z.hcz, z.flagged.hcz), -2) : -1,
  ];
}

function usable(z: number, flagged: boolean): number {
  return flagged ? Number.NaN : z;
}

function below(z: number, cut: number): number {
  return Number.isNaN(z) ? -1 : z < cut ? 1 : 0;
}

function above(z: number, cut: number): number {
  return Number.isNaN(z) ? -1 : z > cut ? 1 : 0;
}
