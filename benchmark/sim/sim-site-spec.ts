/**
 * What distinguishes one synthetic site from another: the population's
 * latent growth (z-scores against the WHO references), prematurity, disorders
 * and how the clinic records data. The numbers were tuned so that the
 * `growth.status` label prevalences at each child's last visit land in the
 * ranges stated on `SIM_SITES` (checked by the unit tests).
 */

/** One normal component of a mixture of latent z-scores. */
export interface MixtureComponent {
  /** Share of children drawn from this component (components of a mixture sum to 1). */
  readonly weight: number;
  readonly mean: number;
  readonly sd: number;
}

/** A mixture of normals: subpopulations (e.g. an overweight-prone group). */
export type Mixture = readonly MixtureComponent[];

/** A site's population and recording habits. */
export interface SimSiteSpec {
  /** Short name, also mixed into the seed so sites differ under one seed. */
  readonly key: string;
  /** Child id prefix, e.g. `S1` → `S1-000123`. */
  readonly idPrefix: string;
  readonly description: string;
  /** Each child's long-run length/height-for-age z (its level from 2 years on). */
  readonly statureZ: Mixture;
  /**
   * Added to the stature level at birth, fading linearly to 0 at 2 years:
   * positive where children are born less stunted than they become
   * (faltering in the first two years, as in low-income settings).
   */
  readonly statureZAtBirthShift: number;
  /** Each child's weight-for-length/height z level (< 5 y), carried on as BMI-for-age z (≥ 5 y). */
  readonly weightZ: Mixture;
  /** Each child's head circumference-for-age z level. */
  readonly headZ: Mixture;
  /** Share of births before 37 weeks. */
  readonly pretermRate: number;
  /** Share of children whose gestational age is recorded. */
  readonly gestationRecordedRate: number;
  /**
   * Chance of an episode of weight faltering (a fall of 1–2.5 z over ~6
   * months) for a term infant of median WHO size at birth who gains weight
   * as usual; prematurity, small size at birth and slow early gain raise it
   * (see `drawFaltering`), so the site's share of children who falter is
   * higher, about 1.3× (urban) to 2× this.
   */
  readonly falteringRate: number;
  /** Share of scheduled visits missed (the last visit is always attended). */
  readonly missedVisitRate: number;
  /** Share of children whose last visit is before 5 years (the rest: 5–12 years). */
  readonly underFiveShare: number;
  /** Share of visits from 2 years with weight and stature where the clinic also records a BMI. */
  readonly bmiRecordedRate: number;
  /** Share of weights that are estimated or parent-reported rather than measured. */
  readonly estimatedWeightRate: number;
}

/**
 * The three demo sites. Expected label prevalences at the last visit with a
 * measured weight and stature (WHO cut-offs, see the growth.status task):
 * - `urban`: stunting < 7 %, wasting < 6 %, underweight < 6 %, overweight
 *   10–20 %, obesity 2–9 %, microcephaly < 7 %;
 * - `lowland`: stunting 24–38 %, wasting 6–13 %, underweight 15–32 %,
 *   overweight < 6 %, obesity < 3 %;
 * - `followup`: ~40 % preterm, microcephaly 10–30 % (above both others),
 *   stunting 8–25 %, wasting 4–15 %.
 *
 * And of the `growth.faltering` label: urban 0.5–4 %, lowland 5–13 %,
 * followup 4–12 %. Faltering episodes pull later weights down, so the
 * weight levels of `lowland` and `followup` are set ~0.1 z higher than the
 * prevalences above would need without them.
 */
export const SIM_SITES = {
  urban: {
    key: 'urban',
    idPrefix: 'S1',
    description: 'High-income urban paediatric clinic: little undernutrition, some overweight.',
    statureZ: [{ weight: 1, mean: 0.25, sd: 0.9 }],
    statureZAtBirthShift: 0,
    weightZ: [
      { weight: 0.8, mean: 0.05, sd: 0.85 },
      { weight: 0.2, mean: 1.6, sd: 0.8 },
    ],
    headZ: [{ weight: 1, mean: 0.15, sd: 0.95 }],
    pretermRate: 0.08,
    gestationRecordedRate: 0.7,
    falteringRate: 0.03,
    missedVisitRate: 0.12,
    underFiveShare: 0.7,
    bmiRecordedRate: 0.4,
    estimatedWeightRate: 0.02,
  },
  lowland: {
    key: 'lowland',
    idPrefix: 'S2',
    description: 'Rural lowland health centre: high stunting and wasting, underweight.',
    statureZ: [{ weight: 1, mean: -1.55, sd: 0.95 }],
    statureZAtBirthShift: 1,
    weightZ: [{ weight: 1, mean: -0.53, sd: 0.9 }],
    headZ: [{ weight: 1, mean: -0.4, sd: 1 }],
    pretermRate: 0.12,
    gestationRecordedRate: 0.2,
    falteringRate: 0.1,
    missedVisitRate: 0.2,
    underFiveShare: 0.75,
    bmiRecordedRate: 0,
    estimatedWeightRate: 0.04,
  },
  followup: {
    key: 'followup',
    idPrefix: 'S3',
    description: 'Neonatal follow-up clinic: many preterm births, microcephaly, growth faltering.',
    statureZ: [{ weight: 1, mean: -0.5, sd: 1 }],
    statureZAtBirthShift: 0,
    weightZ: [
      { weight: 0.85, mean: -0.15, sd: 0.95 },
      { weight: 0.15, mean: 0.9, sd: 0.9 },
    ],
    headZ: [
      { weight: 0.85, mean: -0.3, sd: 0.95 },
      { weight: 0.15, mean: -2.6, sd: 0.7 },
    ],
    pretermRate: 0.4,
    gestationRecordedRate: 1,
    falteringRate: 0.12,
    missedVisitRate: 0.15,
    underFiveShare: 0.8,
    bmiRecordedRate: 0.1,
    estimatedWeightRate: 0.02,
  },
} as const satisfies Record<string, SimSiteSpec>;
