import { DAYS_PER_MONTH, scoreWho2006 } from './score-who2006.js';
import { scoreWho2007 } from './score-who2007.js';
import type { WhoScores, WhoVisit } from './who-scores.js';

export type { WhoFlags, WhoScores, WhoVisit } from './who-scores.js';

/**
 * WHO z-scores of one visit, the way the WHO software computes them:
 * - under 60 months (age in days ≤ 1826, where the 2006 tables end): WHO
 *   Child Growth Standards 2006 (anthro) — WAZ, HAZ (length/height with the
 *   ±0.7 cm position correction), WHZ (weight-for-length/height), BAZ, HCZ;
 * - from 60 to 228 months: WHO Growth Reference 2007 (anthroplus) — HAZ,
 *   BAZ, and WAZ to 120 months; WHZ and HCZ are NaN; beyond 228 months all NaN.
 *
 * z-scores are unrounded (WHO reports them to 2 decimals); flags follow WHO.
 * A missing age (NaN) yields only the weight-for-length/height z, chosen by
 * the measured position, as anthro does.
 */
export function scoreWho(visit: WhoVisit): WhoScores {
  const ageMonths = visit.ageDays / DAYS_PER_MONTH;
  if (Number.isNaN(ageMonths) || ageMonths < 60) return scoreWho2006(visit);
  return scoreWho2007(visit.sex, ageMonths, visit.weightKg, visit.statureCm);
}
