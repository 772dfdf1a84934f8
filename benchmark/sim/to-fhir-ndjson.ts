import type { Cohort, MeasurementKind, Sex } from '../cohort.js';
import { CentileError } from '../errors.js';
import type { SimUnitCode } from './sim-units.js';
import type { RecordedUnitsOptions } from './recorded-units.js';
import { recordedUnits } from './recorded-units.js';
import { fhirGestationLine, fhirObservationLine, fhirPatientLine } from './to-fhir-resources.js';
import { isoDate } from './to-long-csv.js';

/** Options of `toFhirNdjson`; units as in `LongCsvOptions`. */
export interface FhirNdjsonOptions extends RecordedUnitsOptions {
  /** Resources per NDJSON file before the next file starts (default 50 000). */
  readonly resourcesPerFile?: number;
  /** The manifest's `transactionTime` (FHIR instant); defaults to the day after the cohort's last date. */
  readonly transactionTime?: string;
  /** The manifest's `request` (the kick-off URL); defaults to a fictitious server's `$export`. */
  readonly request?: string;
}

/** One file of a bulk export: its name and its content as lines (each ending in `\n`). */
export interface NdjsonFile {
  readonly name: string;
  readonly lines: string[];
}

/** A FHIR bulk export: NDJSON files, then `manifest.json`. */
export interface FhirNdjson {
  readonly files: NdjsonFile[];
}

/** The bulk data export manifest (FHIR Bulk Data Access, "complete status" body). */
export interface BulkExportManifest {
  readonly transactionTime: string;
  readonly request: string;
  readonly requiresAccessToken: false;
  /** One entry per NDJSON file; `url` is the file name, relative to the manifest. */
  readonly output: { type: string; url: string; count: number }[];
  readonly error: [];
}

/** Name of the manifest in the export folder. */
export const FHIR_MANIFEST_FILE = 'manifest.json';

/** Default split, a common bulk-export server setting. */
const DEFAULT_RESOURCES_PER_FILE = 50_000;
const DEFAULT_REQUEST = 'https://sim.centile.invalid/fhir/$export?_type=Patient,Observation';

/**
 * Writes a cohort as a FHIR R4 bulk export: `Patient.000.ndjson`,
 * `Observation.000.ndjson`, `Observation.001.ndjson`… (split every
 * `resourcesPerFile` resources, empty files left out as servers do) and the
 * manifest, whose counts are the lines written. Patient ids are the child ids;
 * Observation ids are `<child id>-<n>`, n counting the child's measurements
 * from 1 in cohort order, then `<child id>-ga` for each recorded gestational
 * age (LOINC 18185-9, weeks to one decimal, after all the measurements), so
 * ids are stable and the same cohort always gives the same bytes. Values are
 * in their recorded units (see `recordedUnits`).
 */
export function toFhirNdjson(cohort: Cohort, options: FhirNdjsonOptions = {}): FhirNdjson {
  const perFile = options.resourcesPerFile ?? DEFAULT_RESOURCES_PER_FILE;
  if (!Number.isInteger(perFile) || perFile < 1) {
    throw new CentileError(
      'invalid-input',
      'SIM_OPTIONS_INVALID',
      'resourcesPerFile must be a positive integer.',
    );
  }
  const units = recordedUnits(cohort, options);
  const patients = createSplitter('Patient', perFile);
  const { ids, sex, birthDay } = cohort.children;
  ids.forEach((id, i) =>
    patients.push(fhirPatientLine(id, (sex[i] ?? 1) as Sex, birthDay[i] ?? 0)),
  );
  const observations = createSplitter('Observation', perFile);
  writeObservations(cohort, units, observations.push);
  writeGestations(cohort, observations.push);
  const files = [...patients.files, ...observations.files];
  const manifest: BulkExportManifest = {
    transactionTime: options.transactionTime ?? defaultTransactionTime(cohort),
    request: options.request ?? DEFAULT_REQUEST,
    requiresAccessToken: false,
    output: files.map((file) => ({
      type: file.name.split('.')[0] ?? '',
      url: file.name,
      count: file.lines.length,
    })),
    error: [],
  };
  files.push({ name: FHIR_MANIFEST_FILE, lines: [`${JSON.stringify(manifest, null, 2)}\n`] });
  return { files };
}

/**
 * One gestational-age Observation per child who has one, after all the
 * measurements so that measurement ids and their order stay as they were.
 */
function writeGestations(cohort: Cohort, push: (line: string) => void): void {
  const { ids, birthDay, gestationalAgeDays } = cohort.children;
  ids.forEach((id, i) => {
    const days = gestationalAgeDays[i] ?? Number.NaN;
    if (!Number.isNaN(days)) push(fhirGestationLine(`${id}-ga`, id, birthDay[i] ?? 0, days));
  });
}

function writeObservations(cohort: Cohort, units: Uint8Array, push: (line: string) => void): void {
  const { children, measurements } = cohort;
  const perChild = new Uint32Array(children.ids.length);
  for (let i = 0; i < measurements.child.length; i += 1) {
    const child = measurements.child[i] ?? 0;
    const patientId = children.ids[child];
    if (patientId === undefined) continue; // impossible for a built cohort: child indices are valid
    perChild[child] = (perChild[child] ?? 0) + 1;
    push(
      fhirObservationLine({
        id: `${patientId}-${perChild[child]}`,
        patientId,
        kind: (measurements.kind[i] ?? 0) as MeasurementKind,
        day: (children.birthDay[child] ?? 0) + (measurements.ageDays[i] ?? 0),
        valueSi: measurements.value[i] ?? Number.NaN,
        unit: (units[i] ?? 0) as SimUnitCode,
        estimated: measurements.estimated[i] === 1,
        ageDays: measurements.ageDays[i] ?? 0,
      }),
    );
  }
}

/** Collects lines into `<type>.000.ndjson`, `<type>.001.ndjson`… of at most `perFile` lines. */
function createSplitter(
  type: string,
  perFile: number,
): { files: NdjsonFile[]; push: (line: string) => void } {
  const files: NdjsonFile[] = [];
  let current: string[] = [];
  return {
    files,
    push: (line) => {
      if (files.length === 0 || current.length === perFile) {
        current = [];
        files.push({
          name: `${type}.${String(files.length).padStart(3, '0')}.ndjson`,
          lines: current,
        });
      }
      current.push(line);
    },
  };
}

/** Midnight UTC after the cohort's last birth or measurement date: deterministic, never before the data. */
function defaultTransactionTime(cohort: Cohort): string {
  const { children, measurements } = cohort;
  let last = children.birthDay.reduce((a, b) => Math.max(a, b), 0);
  for (let i = 0; i < measurements.child.length; i += 1) {
    const day =
      (children.birthDay[measurements.child[i] ?? 0] ?? 0) + (measurements.ageDays[i] ?? 0);
    if (day > last) last = day;
  }
  return `${isoDate(last + 1)}T00:00:00Z`;
}
