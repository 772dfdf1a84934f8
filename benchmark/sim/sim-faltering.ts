/**
 * Weight-faltering episodes of Sim children: who falters, when, and how deep.
 *
 * Faltering is not random in real cohorts. Infants born preterm or small for
 * their age, and infants who gain weight slowly in their first weeks (often
 * with feeding difficulties), falter more often later: NICE NG75 (2017)
 * singles out infants born preterm or growth-restricted, and birth cohorts
 * link feeding difficulties and slow gain in the first weeks to later
 * faltering (ALSPAC: Emond A et al., Arch Dis Child 2007;92:115–9).
 * Faltering is also more common where undernutrition is (each site's base
 * rate), and most of it begins in infancy: weight-for-age falls fastest
 * from about 3 to 12 months (Victora CG et al., Pediatrics 2010;125:e473–80).
 * So part of a child's risk, and of its `growth.faltering` label, shows in
 * what a clinic records in the first months, as it would in real data — and
 * no more than part: who falters among children at equal risk, when and how
 * deep stays random.
 */
import type { Prng } from './prng.js';

/** What a child's first months carry of its faltering risk (latent, term-equivalent values). */
export interface EarlyRisk {
  /** Weeks born before the 38-week term reference; 0 at term. */
  readonly weeksEarly: number;
  /** Latent size at birth, on the z scale: a stand-in for birth weight-for-age z. */
  readonly birthSizeZ: number;
  /** How much slower than usual the child gains weight in its first months, in SD (> 0 slower). */
  readonly slowGainZ: number;
}

/** A faltering episode: weight z falls by `depth` over ~6 months from `onsetDays`. */
export interface FalteringEpisode {
  readonly onsetDays: number;
  readonly depth: number;
}

/**
 * Log relative risk of an episode per unit of each risk factor: ×1.8 at 4
 * weeks early (×3.3 at 8), ×1.6 per z smaller at birth, ×2 per SD slower
 * early gain — of the order of the odds ratios of 1.5–3 reported for these
 * factors, not more, so the risk stays a modest predictor as in real data.
 */
const LOG_RISK = { perWeekEarly: 0.15, perBirthSizeZ: -0.5, perSlowGainZ: 0.7 } as const;
/** No child's risk exceeds this share, however many factors it has. */
const MAX_RISK = 0.8;
/** Onsets run from 2 months to ~33 months of age, most of them in infancy. */
const ONSET = { fromDays: 60, spanDays: 940 } as const;

/**
 * The chance of a faltering episode for a child with `risk`: the site's
 * rate for a term infant of median size and usual early gain, scaled by the
 * child's relative risk.
 */
export function falteringChance(baseRate: number, risk: EarlyRisk): number {
  const logRelative =
    LOG_RISK.perWeekEarly * risk.weeksEarly +
    LOG_RISK.perBirthSizeZ * risk.birthSizeZ +
    LOG_RISK.perSlowGainZ * risk.slowGainZ;
  return Math.min(MAX_RISK, baseRate * Math.exp(logRelative));
}

/**
 * Draws a child's episode, if any. The onset is `60 + 940 u²` days (u
 * uniform, independent of the risk factors): from 2 months to ~33 months,
 * a median near 10 months and nearly three quarters before 18 months.
 */
export function drawFaltering(
  baseRate: number,
  risk: EarlyRisk,
  rng: Prng,
): FalteringEpisode | undefined {
  if (!rng.chance(falteringChance(baseRate, risk))) return undefined;
  const u = rng.uniform();
  return { onsetDays: ONSET.fromDays + ONSET.spanDays * u * u, depth: 1 + 1.5 * rng.uniform() };
}

/** Weight z lost in a faltering episode: falls over 6 months, then slowly recovers. */
export function falteringShift(episode: FalteringEpisode | undefined, ageDays: number): number {
  if (episode === undefined || ageDays <= episode.onsetDays) return 0;
  const since = ageDays - episode.onsetDays;
  if (since <= 182) return (-episode.depth * since) / 182;
  return -episode.depth * Math.exp(-(since - 182) / 540);
}
