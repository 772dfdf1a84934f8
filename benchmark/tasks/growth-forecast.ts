/**
 * `growth.forecast/v1`: from up to 8 visits, a child's weight and stature at
 * a later visit 3–18 months after the last one the model sees. The target
 * is a visit the child actually had, so forecasts are checked against what
 * clinics recorded, not against a smoothed curve.
 */
import type { Cohort } from '../cohort.js';
import { isComplete } from './child-histories.js';
import type { ChildHistory, Visit } from './child-histories.js';
import {
  buildHistoryExamples,
  HISTORY_INPUT_RULE,
  historyFeatures,
  isMeasured,
  toWhoVisit,
} from './history-examples.js';
import type { HistoryExampleRule } from './history-examples.js';
import { STANDARD_SUBGROUPS } from './subgroups.js';
import type { RegressionTask, TaskExamples, WhoScorer } from './task-definition.js';

/** Shortest and longest gap from the index visit to the target visit, in days (3 and 18 months). */
export const FORECAST_MIN_GAP_DAYS = 91;
export const FORECAST_MAX_GAP_DAYS = 548;
/** WHO 2006: a recumbent length exceeds a standing height of the same child by 0.7 cm. */
const LENGTH_MINUS_HEIGHT_CM = 0.7;
/** WHO's switch from length to height: 2 years. */
const HEIGHT_FROM_DAYS = 731;

/*
 * Error ranges. With 60 bins, ±3 kg gives 0.1 kg bins and ±6 cm 0.2 cm bins:
 * for errors inside the range, binned MAE, RMSE and bias (errors at bin
 * midpoints) are within half a bin (0.05 kg, 0.1 cm) of the exact ones; an
 * error beyond is clipped to the end bin, so binned MAE is then a lower
 * bound. The ranges fit a useful model: on the Sim follow-up site a crude
 * damped linear extrapolation of the last two visits is off by a median of
 * 0.5 kg and 1.2 cm, and beyond ±3 kg / ±6 cm for only 2–3 % of children;
 * "no growth" (carrying the last value forward) is clipped far more, as it
 * should be. APE over [0, 0.5] and [0, 0.25] in 20 bins: binned MAPE within
 * 1.25 and 0.625 percentage points.
 */
const WEIGHT_MAX_ERROR_KG = 3;
const STATURE_MAX_ERROR_CM = 6;

const FORECAST_RULE: HistoryExampleRule = Object.freeze({
  queryColumns: 1,
  outputs: 2,
  pick: pickForecast,
});

export const GROWTH_FORECAST: RegressionTask = Object.freeze({
  kind: 'regression',
  id: 'growth.forecast',
  version: 1,
  title: 'Weight and stature at a later visit',
  summary:
    'From up to 8 visits, the weight and the length or height a child will measure at a ' +
    'given age 3 to 18 months after the last visit the model sees.',
  examples:
    'One per child. The target visit is the child’s latest day with a measured (not estimated) ' +
    'weight and length or height, none of whose WHO weight-for-age, length/height-for-age, ' +
    'weight-for-length/height or BMI-for-age z-scores is flagged implausible, and that has an ' +
    'index visit: the latest measured visit 91 to 548 days (both inclusive) before it. A target ' +
    'visit without one is skipped for the next earlier candidate; a child with none gives no ' +
    'example. Visits between the index and the target visit are not shown. ' +
    `${HISTORY_INPUT_RULE} Query: target_age_days, the target visit’s age. ` +
    'Targets: the weight in kg as measured, and the stature in cm as a recumbent length before ' +
    '731 days and a standing height from 731 days, a measurement taken in the other position ' +
    'converted by the WHO 0.7 cm rule (so the target depends on age only, not on how the ' +
    'child happened to be measured).',
  references: [
    'WHO Child Growth Standards 2006: length = height + 0.7 cm, length below 2 years, height from 2 years',
    'WHO 2006/2007 implausibility flags (anthro, anthroplus) for dropping implausible target visits',
  ],
  inputName: 'features',
  features: historyFeatures([
    {
      name: 'target_age_days',
      description: 'age in whole days at which to forecast (91–548 days after visit_8)',
    },
  ]),
  outputName: 'forecast',
  targets: [
    {
      name: 'weight_kg',
      description: 'weight at target_age_days in kg',
      unit: 'kg',
      maxError: WEIGHT_MAX_ERROR_KG,
      maxApe: 0.5,
    },
    {
      name: 'stature_cm',
      description: 'recumbent length (before 731 days) or standing height (from 731 days) in cm',
      unit: 'cm',
      maxError: STATURE_MAX_ERROR_CM,
      maxApe: 0.25,
    },
  ],
  errorBins: 60,
  subgroups: STANDARD_SUBGROUPS,
  metrics: ['mae', 'rmse', 'mape', 'bias'],
  buildExamples: buildForecastExamples,
});

function buildForecastExamples(cohort: Cohort, score: WhoScorer): TaskExamples {
  return buildHistoryExamples(cohort, score, FORECAST_RULE);
}

/** The latest usable target visit with an index visit; scoring only the candidates that have one. */
function pickForecast(
  child: ChildHistory,
  score: WhoScorer,
  query: Float64Array,
  targets: Float64Array,
): number {
  const { visits } = child;
  for (let t = visits.length - 1; t > 0; t -= 1) {
    const target = visits[t] as Visit;
    if (!isComplete(target)) continue;
    const index = indexVisitBefore(visits, t);
    if (index < 0 || !isPlausible(child, target, score)) continue;
    query[0] = target.ageDays;
    targets[0] = target.weightKg;
    targets[1] = standardStatureCm(target);
    return index;
  }
  return -1;
}

/** Position of the latest measured visit 91–548 days before `visits[t]`, or -1. */
function indexVisitBefore(visits: readonly Visit[], t: number): number {
  const targetDays = (visits[t] as Visit).ageDays;
  for (let v = t - 1; v >= 0; v -= 1) {
    const visit = visits[v] as Visit;
    const gapDays = targetDays - visit.ageDays;
    if (gapDays > FORECAST_MAX_GAP_DAYS) return -1;
    if (gapDays >= FORECAST_MIN_GAP_DAYS && isMeasured(visit)) return v;
  }
  return -1;
}

/** A target must not be a recording error: no WHO z defined at its age is flagged. */
function isPlausible(child: ChildHistory, target: Visit, score: WhoScorer): boolean {
  const { flagged } = score(toWhoVisit(child.sex, target));
  return !(flagged.waz || flagged.haz || flagged.whz || flagged.baz);
}

/** Length before 731 days, height from then on, as WHO anthro corrects for position. */
export function standardStatureCm(visit: Visit): number {
  const wantLength = visit.ageDays < HEIGHT_FROM_DAYS;
  if (visit.recumbent === wantLength) return visit.statureCm;
  return visit.statureCm + (wantLength ? LENGTH_MINUS_HEIGHT_CM : -LENGTH_MINUS_HEIGHT_CM);
}
