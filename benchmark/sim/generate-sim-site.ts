import type { Cohort, Sex } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import { CohortBuilder } from '../cohort-builder.js';
import { CentileError } from '../errors.js';
import type { RecordedVisit } from './measure-visit.js';
import { measureVisit, visitAges } from './measure-visit.js';
import { createPrng } from './prng.js';
import { createLatentTrajectory, drawGestationalAgeDays } from './sim-latent.js';
import type { SimSiteSpec } from './sim-site-spec.js';
import { sizeAtZ } from './size-at-z.js';
import { pickUnits } from './sim-units.js';

/** How many children to generate, from which seed, and whether to mix units. */
export interface SimOptions {
  readonly children: number;
  /** Any string; the same seed and options always give the same cohort. */
  readonly seed: string;
  /** Also choose the unit each value was recorded in (g, lb, in), for the writers. */
  readonly unitMix?: boolean;
}

/** A generated site. */
export interface SimSite {
  readonly cohort: Cohort;
  /**
   * With `unitMix`: the unit each measurement was recorded in, index-aligned
   * with `cohort.measurements` (see `SimUnit`). The cohort itself is always SI.
   */
  readonly units?: Uint8Array;
}

/** Births fall in 2012–2024; data are extracted on 2025-06-30 (days since 1970-01-01). */
const FIRST_BIRTH_DAY = Date.UTC(2012, 0, 1) / 86_400_000;
const LAST_BIRTH_DAY = Date.UTC(2024, 11, 31) / 86_400_000;
const EXTRACTION_DAY = Date.UTC(2025, 5, 30) / 86_400_000;
const FIVE_YEARS_DAY = 1826;
/** Visits run at most this late (see `visitAges`). */
const MAX_VISIT_JITTER_DAYS = 60;
const TWELVE_YEARS_DAY = 4383;

/**
 * Generates one synthetic site: children with WHO-plausible growth from the
 * site's latent z populations (see `SimSiteSpec`). Each child has its own
 * random stream derived from (seed, site, index), so a child is the same
 * whatever the number of children generated.
 */
export function generateSimSite(spec: SimSiteSpec, options: SimOptions): SimSite {
  if (
    !Number.isInteger(options.children) ||
    options.children < 0 ||
    options.children > 10_000_000
  ) {
    throw new CentileError(
      'invalid-input',
      'SIM_OPTIONS_INVALID',
      'children must be an integer from 0 to 10 000 000.',
    );
  }
  const builder = new CohortBuilder();
  for (let i = 0; i < options.children; i += 1) {
    addChild(builder, spec, i, `${options.seed}/${spec.key}/${i}`);
  }
  const cohort = builder.build();
  if (options.unitMix !== true) return { cohort };
  return { cohort, units: pickUnits(cohort, `${options.seed}/${spec.key}/units`) };
}

function addChild(builder: CohortBuilder, spec: SimSiteSpec, index: number, seed: string): void {
  const rng = createPrng(seed);
  const sex: Sex = rng.chance(0.51) ? 1 : 2;
  const gestationalAgeDays = drawGestationalAgeDays(spec.pretermRate, rng);
  const lastDay = rng.chance(spec.underFiveShare)
    ? 3 + rng.uniform() * (FIVE_YEARS_DAY - 3)
    : FIVE_YEARS_DAY + rng.uniform() * (TWELVE_YEARS_DAY - FIVE_YEARS_DAY);
  // Born early enough for the last visit to have happened by the extraction date.
  const latestBirth = Math.min(
    LAST_BIRTH_DAY,
    EXTRACTION_DAY - Math.ceil(lastDay) - MAX_VISIT_JITTER_DAYS,
  );
  const birthDay = FIRST_BIRTH_DAY + rng.int(latestBirth - FIRST_BIRTH_DAY + 1);
  const childIndex = builder.addChild({
    id: `${spec.idPrefix}-${String(index + 1).padStart(6, '0')}`,
    sex,
    birthDay,
    ...(rng.chance(spec.gestationRecordedRate) ? { gestationalAgeDays } : {}),
  });
  // Early gain has a stream of its own, so adding it moved none of the child's other draws.
  const slowGainZ = createPrng(`${seed}/early-gain`).normal();
  const latentAt = createLatentTrajectory(spec, rng, { gestationalAgeDays, slowGainZ });
  for (const ageDays of visitAges(lastDay, spec.missedVisitRate, rng)) {
    const truth = sizeAtZ(sex, ageDays, latentAt(ageDays));
    addVisit(builder, childIndex, measureVisit(truth, ageDays, spec, rng));
  }
}

function addVisit(builder: CohortBuilder, childIndex: number, visit: RecordedVisit): void {
  const add = (kind: MeasurementKind, value: number, estimated = false): void => {
    if (Number.isFinite(value))
      builder.addMeasurement({ childIndex, ageDays: visit.ageDays, kind, value, estimated });
  };
  add(MeasurementKind.weight, visit.weightKg, visit.weightEstimated);
  add(visit.recumbent ? MeasurementKind.length : MeasurementKind.height, visit.statureCm);
  add(MeasurementKind.headCircumference, visit.headCm);
  add(MeasurementKind.bmi, visit.bmi);
}
