import type { CdcChart } from './cdc-lms.js';
import type {
  FlagRule,
  GrowthReference,
  IndicatorSpec,
  IndicatorTable,
  XRange,
} from './indicator-spec.js';
import type { WhoIndicator } from './who-lms.js';

/**
 * Every indicator that can be scored, as `<reference>.<indicator>`:
 * - WHO Child Growth Standards 2006 (0–5 y): weight, length/height, BMI,
 *   head circumference, arm circumference, triceps and subscapular
 *   skinfold for age; weight-for-length and weight-for-height;
 * - WHO Growth Reference 2007 (5–19 y): height, weight (to 10 y), BMI for age;
 * - CDC 2000 (2–20 y): weight, stature, BMI for age; infants (0–36 months):
 *   weight, length, head circumference for age, weight-for-length;
 *   weight-for-stature (77–121.5 cm);
 * - CDC 2022 extended BMI-for-age (2–20 y).
 */
export type GrowthIndicator =
  | 'who2006.wfa'
  | 'who2006.lhfa'
  | 'who2006.bfa'
  | 'who2006.hcfa'
  | 'who2006.acfa'
  | 'who2006.tsfa'
  | 'who2006.ssfa'
  | 'who2006.wfl'
  | 'who2006.wfh'
  | 'who2007.hfa'
  | 'who2007.wfa'
  | 'who2007.bfa'
  | 'cdc2000.wfa'
  | 'cdc2000.sfa'
  | 'cdc2000.bfa'
  | 'cdc2000.wfa_inf'
  | 'cdc2000.lfa_inf'
  | 'cdc2000.hcfa_inf'
  | 'cdc2000.wfl_inf'
  | 'cdc2000.wfs'
  | 'cdc2022ext.bfa_ext';

const range = (min: number, max: number, minInclusive: boolean, maxInclusive: boolean): XRange => ({
  min,
  max,
  minInclusive,
  maxInclusive,
});
/** WHO 2006 scores ages below 60 months (anthro: age in months < 60; 60 × 30.4375 days). */
const WHO2006_AGE = range(0, 1826.25, true, false);
/** Arm circumference and skinfolds start at 3 months (anthro: day 91). */
const WHO2006_AGE_FROM_91 = range(91, 1826.25, true, false);
/** CDC's SAS program (2022) scores 24 ≤ agemos < 240. */
const CDC_CHILD_AGE = range(24, 240, true, false);
/** The infant charts, to the end of CDCref_d's last bracket (36.5 months). */
const CDC_INFANT_AGE = range(0, 36.5, true, false);
/**
 * The SAS program scores 43 < length < 104, but its first bracket starts at
 * 45 cm and its last ends at 103.5, so that is where scores exist.
 */
const CDC_LENGTH = range(45, 103.5, true, false);
/** `77 < height < 122` in the SAS program, and its last bracket ends at 121.5 cm. */
const CDC_STATURE = range(77, 121.5, false, false);

const whoFlag = (low: number, high: number): FlagRule => ({ rule: 'who-z', low, high });
const biv = (low: number, high: number): FlagRule => ({ rule: 'cdc-modified-z', low, high });

type Entry = Omit<IndicatorSpec, 'reference' | 'name' | 'minValue'>;

const REFERENCES: Readonly<
  Record<'who2006' | 'who2007' | 'cdc2000' | 'cdc2022ext', GrowthReference>
> = {
  who2006: 'WHO2006',
  who2007: 'WHO2007',
  cdc2000: 'CDC2000',
  cdc2022ext: 'CDC2022ext',
};

/** Fills in what the id already says: reference, name, and the smallest value scored. */
function catalogue(
  entries: Record<GrowthIndicator, Entry>,
): Record<GrowthIndicator, IndicatorSpec> {
  const specs = Object.entries(entries).map(([id, entry]) => {
    const [prefix, name = ''] = id.split('.') as [keyof typeof REFERENCES, string];
    const reference = REFERENCES[prefix];
    // CDC's SAS program sets z to missing below 0.01 (`if .z < weight < 0.01`).
    const minValue = reference.startsWith('CDC') ? 0.01 : 0;
    return [id, Object.freeze({ reference, name, minValue, ...entry })];
  });
  return Object.freeze(Object.fromEntries(specs)) as Record<GrowthIndicator, IndicatorSpec>;
}

const who = (indicator: WhoIndicator): IndicatorTable => ({ kind: 'who', indicator });
const cdc = (chart: CdcChart): IndicatorTable => ({ kind: 'cdc', chart });

/**
 * The catalogue. Flags: WHO |HAZ| > 6, WAZ < −6 or > 5, |z| > 5 otherwise
 * (on the 2-dp z); CDC modified z outside (−5, 8) weight, (−5, 4) stature,
 * (−4, 8) BMI and weight-for-length/stature, (−5, 5) head circumference.
 */
export const GROWTH_INDICATORS: Readonly<Record<GrowthIndicator, IndicatorSpec>> = catalogue({
  'who2006.wfa': {
    table: who('wfa2006'),
    axis: 'ageDays',
    measurement: 'weightKg',
    method: 'who-restricted',
    range: WHO2006_AGE,
    flag: whoFlag(-6, 5),
  },
  'who2006.lhfa': {
    table: who('lhfa2006'),
    axis: 'ageDays',
    measurement: 'lenheiCm',
    method: 'who-lms',
    range: WHO2006_AGE,
    flag: whoFlag(-6, 6),
  },
  'who2006.bfa': {
    table: who('bfa2006'),
    axis: 'ageDays',
    measurement: 'bmi',
    method: 'who-restricted',
    range: WHO2006_AGE,
    flag: whoFlag(-5, 5),
  },
  'who2006.hcfa': {
    table: who('hcfa2006'),
    axis: 'ageDays',
    measurement: 'headcCm',
    method: 'who-lms',
    range: WHO2006_AGE,
    flag: whoFlag(-5, 5),
  },
  'who2006.acfa': {
    table: who('acfa2006'),
    axis: 'ageDays',
    measurement: 'armcCm',
    method: 'who-restricted',
    range: WHO2006_AGE_FROM_91,
    flag: whoFlag(-5, 5),
  },
  'who2006.tsfa': {
    table: who('tsfa2006'),
    axis: 'ageDays',
    measurement: 'triskinMm',
    method: 'who-restricted',
    range: WHO2006_AGE_FROM_91,
    flag: whoFlag(-5, 5),
  },
  'who2006.ssfa': {
    table: who('ssfa2006'),
    axis: 'ageDays',
    measurement: 'subskinMm',
    method: 'who-restricted',
    range: WHO2006_AGE_FROM_91,
    flag: whoFlag(-5, 5),
  },
  'who2006.wfl': {
    table: who('wfl2006'),
    axis: 'lengthCm',
    measurement: 'weightKg',
    method: 'who-restricted',
    range: range(45, 110, true, true),
    flag: whoFlag(-5, 5),
  },
  'who2006.wfh': {
    table: who('wfh2006'),
    axis: 'heightCm',
    measurement: 'weightKg',
    method: 'who-restricted',
    range: range(65, 120, true, true),
    flag: whoFlag(-5, 5),
  },
  'who2007.hfa': {
    table: who('hfa2007'),
    axis: 'ageMonths',
    measurement: 'lenheiCm',
    method: 'who-lms',
    range: range(60, 228, true, true),
    flag: whoFlag(-6, 6),
  },
  'who2007.wfa': {
    table: who('wfa2007'),
    axis: 'ageMonths',
    measurement: 'weightKg',
    method: 'who-restricted',
    range: range(60, 120, true, true),
    flag: whoFlag(-6, 5),
  },
  'who2007.bfa': {
    table: who('bfa2007'),
    axis: 'ageMonths',
    measurement: 'bmi',
    method: 'who-restricted',
    range: range(60, 228, true, true),
    flag: whoFlag(-5, 5),
  },
  'cdc2000.wfa': {
    table: cdc('wfa'),
    axis: 'ageMonths',
    measurement: 'weightKg',
    method: 'cdc',
    range: CDC_CHILD_AGE,
    flag: biv(-5, 8),
  },
  'cdc2000.sfa': {
    table: cdc('sfa'),
    axis: 'ageMonths',
    measurement: 'lenheiCm',
    method: 'cdc',
    range: CDC_CHILD_AGE,
    flag: biv(-5, 4),
  },
  'cdc2000.bfa': {
    table: cdc('bfa'),
    axis: 'ageMonths',
    measurement: 'bmi',
    method: 'cdc',
    range: CDC_CHILD_AGE,
    flag: biv(-4, 8),
  },
  'cdc2000.wfa_inf': {
    table: cdc('wfa'),
    axis: 'ageMonths',
    measurement: 'weightKg',
    method: 'cdc',
    range: CDC_INFANT_AGE,
    flag: biv(-5, 8),
  },
  'cdc2000.lfa_inf': {
    table: cdc('lfa'),
    axis: 'ageMonths',
    measurement: 'lenheiCm',
    method: 'cdc',
    range: CDC_INFANT_AGE,
    flag: biv(-5, 4),
  },
  'cdc2000.hcfa_inf': {
    table: cdc('hcfa'),
    axis: 'ageMonths',
    measurement: 'headcCm',
    method: 'cdc',
    range: CDC_INFANT_AGE,
    flag: biv(-5, 5),
  },
  'cdc2000.wfl_inf': {
    table: cdc('wfl'),
    axis: 'lengthCm',
    measurement: 'weightKg',
    method: 'cdc',
    range: CDC_LENGTH,
    flag: biv(-4, 8),
  },
  'cdc2000.wfs': {
    table: cdc('wfs'),
    axis: 'heightCm',
    measurement: 'weightKg',
    method: 'cdc',
    range: CDC_STATURE,
    flag: biv(-4, 8),
  },
  'cdc2022ext.bfa_ext': {
    table: cdc('bfa'),
    axis: 'ageMonths',
    measurement: 'bmi',
    method: 'cdc-extended-bmi',
    range: CDC_CHILD_AGE,
    flag: biv(-4, 8),
  },
});

/**
 * The indicator named by a reference and an indicator name as an analyst
 * writes them (both case-insensitive, e.g. `who2006` and `WFA`); undefined
 * when the pair does not exist. The extended BMI is reachable as
 * CDC2022ext/bfa_ext, CDC2022ext/bfa and CDC2000/bfa_ext.
 */
export function findGrowthIndicator(
  reference: string,
  indicator: string,
): GrowthIndicator | undefined {
  const ref = reference.trim().toLowerCase();
  const name = indicator.trim().toLowerCase();
  if ((ref === 'cdc2022ext' && name === 'bfa') || (ref === 'cdc2000' && name === 'bfa_ext'))
    return 'cdc2022ext.bfa_ext';
  const id = `${ref}.${name}`;
  return Object.hasOwn(GROWTH_INDICATORS, id) ? (id as GrowthIndicator) : undefined;
}
