import type { Prng } from './prng.js';
import { drawFaltering, falteringShift } from './sim-faltering.js';
import type { Mixture, SimSiteSpec } from './sim-site-spec.js';

/** A child's latent z-scores at one age (WHO scales; see `sizeAtZ`). */
export interface LatentZ {
  /** Length/height-for-age. */
  readonly stature: number;
  /** Weight-for-length/height under 5 y, BMI-for-age from 5 y. */
  readonly weight: number;
  /** Head circumference-for-age. */
  readonly head: number;
}

/** Per dimension: stationary SD of the visit-to-visit wobble and its correlation over one year. */
const WOBBLE = {
  stature: { sd: 0.3, yearlyCorrelation: 0.85 },
  weight: { sd: 0.45, yearlyCorrelation: 0.6 },
  head: { sd: 0.25, yearlyCorrelation: 0.8 },
} as const;

/** z lost per week born before 38 weeks (uncorrected age) and how fast it is caught up. */
const PRETERM = {
  stature: { perWeek: 0.5, catchUpDays: 240 },
  weight: { perWeek: 0.15, catchUpDays: 120 },
  head: { perWeek: 0.5, catchUpDays: 150 },
} as const;
/** Share of the preterm deficit never caught up. */
const PRETERM_RESIDUAL = 0.15;
const TERM_REFERENCE_DAYS = 266;
/** Latent z are kept inside this band so inverse LMS stays physiological. */
const Z_LIMITS = [-7, 6.5] as const;

/** Draws one z from a mixture of normals. */
export function drawMixture(mixture: Mixture, rng: Prng): number {
  let u = rng.uniform();
  for (const component of mixture) {
    u -= component.weight;
    if (u < 0) return component.mean + component.sd * rng.normal();
  }
  const last = mixture[mixture.length - 1];
  return last === undefined ? 0 : last.mean + last.sd * rng.normal();
}

/** What a child brings from birth, drawn before its trajectory. */
export interface BirthTraits {
  readonly gestationalAgeDays: number;
  /** How much slower than usual it gains weight in its first months, in SD (> 0 slower; N(0, 1)). */
  readonly slowGainZ: number;
}

/**
 * Early weight gain: infants cross weight centiles freely in their first
 * months (Ong KK et al., BMJ 2000;320:967–71: over half changed weight z by
 * more than 0.67 from birth to 2 years). A slow gainer (`slowGainZ` > 0)
 * starts `sd × slowGainZ` above the weight level it settles at by 120 days, a
 * fast gainer below it: early gain shapes infancy only, so the site's later
 * label prevalences stay those of its level mixtures.
 */
const EARLY_GAIN = { sd: 0.7, settledDays: 120 } as const;

/**
 * A child's latent growth: a level per dimension from the site's mixtures,
 * plus the infancy stature shift, the early weight-gain drift, a fading
 * prematurity deficit, an optional faltering episode whose chance rises with
 * the early risk factors (prematurity, small size at birth, slow early gain;
 * see `drawFaltering`), and an AR(1) wobble between visits.
 * Returns a function to call with increasing ages in days.
 */
export function createLatentTrajectory(
  spec: SimSiteSpec,
  rng: Prng,
  birth: BirthTraits,
): (ageDays: number) => LatentZ {
  const level = {
    stature: drawMixture(spec.statureZ, rng),
    weight: drawMixture(spec.weightZ, rng),
    head: drawMixture(spec.headZ, rng),
  };
  const { gestationalAgeDays, slowGainZ } = birth;
  const weeksEarly = Math.max(0, (TERM_REFERENCE_DAYS - gestationalAgeDays) / 7);
  // Weight-for-age combines length and weight-for-length: their mean at birth stands in for it.
  const birthSizeZ = (level.stature + spec.statureZAtBirthShift + level.weight) / 2;
  const episode = drawFaltering(spec.falteringRate, { weeksEarly, birthSizeZ, slowGainZ }, rng);
  const wobbleAt = createWobble(rng);
  return (ageDays) => {
    const wobble = wobbleAt(ageDays);
    const deficit = (key: keyof LatentZ): number => pretermDeficit(key, weeksEarly, ageDays);
    const infancy = spec.statureZAtBirthShift * Math.max(0, 1 - ageDays / 730);
    const earlyGain = EARLY_GAIN.sd * slowGainZ * Math.max(0, 1 - ageDays / EARLY_GAIN.settledDays);
    const falling = falteringShift(episode, ageDays);
    return {
      stature: clampZ(
        level.stature + infancy + 0.35 * falling + deficit('stature') + wobble.stature,
      ),
      weight: clampZ(level.weight + earlyGain + falling + deficit('weight') + wobble.weight),
      head: clampZ(level.head + deficit('head') + wobble.head),
    };
  };
}

/**
 * The visit-to-visit wobble of each dimension: an Ornstein–Uhlenbeck process
 * sampled at the visit ages, so irregular gaps are handled. Call with
 * increasing ages.
 */
function createWobble(rng: Prng): (ageDays: number) => LatentZ {
  const wobble = { stature: Number.NaN, weight: Number.NaN, head: Number.NaN };
  let lastAge = Number.NaN;
  return (ageDays) => {
    const years = (ageDays - lastAge) / 365.25;
    for (const key of ['stature', 'weight', 'head'] as const) {
      const { sd, yearlyCorrelation } = WOBBLE[key];
      const rho = Number.isNaN(years) ? 0 : yearlyCorrelation ** years;
      const previous = Number.isNaN(wobble[key]) ? 0 : wobble[key];
      wobble[key] = rho * previous + sd * Math.sqrt(1 - rho * rho) * rng.normal();
    }
    lastAge = ageDays;
    return { ...wobble };
  };
}

/** z lost to prematurity at `ageDays`, mostly caught up over the dimension's catch-up time. */
function pretermDeficit(key: keyof LatentZ, weeksEarly: number, ageDays: number): number {
  const { perWeek, catchUpDays } = PRETERM[key];
  const fade = PRETERM_RESIDUAL + (1 - PRETERM_RESIDUAL) * Math.exp(-ageDays / catchUpDays);
  return -perWeek * weeksEarly * fade;
}

function clampZ(z: number): number {
  return Math.min(Z_LIMITS[1], Math.max(Z_LIMITS[0], z));
}

/**
 * Gestational age at birth in days: preterm births (< 37 weeks) are mostly
 * late preterm (34–36 w), fewer moderate (32–33), very (28–31) and extremely
 * preterm (24–27); term births centre on 39.3 weeks.
 */
export function drawGestationalAgeDays(pretermRate: number, rng: Prng): number {
  if (!rng.chance(pretermRate)) {
    return Math.min(297, Math.max(259, Math.round(275 + 8 * rng.normal())));
  }
  const u = rng.uniform();
  const [fromWeek, weeks] = u < 0.6 ? [34, 3] : u < 0.85 ? [32, 2] : u < 0.97 ? [28, 4] : [24, 4];
  return fromWeek * 7 + rng.int(weeks * 7);
}
