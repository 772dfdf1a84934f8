/**
 * Turns Patient and Observation resources, in whatever order the files give
 * them, into the columnar cohort and its report. Observations are tied to
 * children through `subject` (`Patient/id`, `urn:uuid:` resolved through
 * Bundle `fullUrl`s, or absolute URLs). An observation whose patient has not
 * been read yet is held back and placed at the end, so file order never
 * changes the result; readers give Patients first so that this stays rare.
 */
import { CohortBuilder } from '../../../benchmark/cohort-builder.js';
import { MeasurementKind } from '../../../benchmark/cohort.js';
import type { Cohort } from '../../../benchmark/cohort.js';
import { isPlausible } from '../measurement-units.js';
import { GESTATION_OWN_BELOW_AGE_DAYS, GESTATION_WEEKS_RANGE } from '../gestation-rules.js';
import { Position, Quantity, RECUMBENT_BELOW_AGE_DAYS } from './fhir-codes.js';
import type { FhirIngestReportBuilder, FieldProblem, ResourceSite } from './fhir-ingest-report.js';
import { MeasurementTable } from './measurement-table.js';
import type { FhirObservationResult, GrowthObservation } from './parse-fhir-observation.js';
import type { FhirPatient, FhirPatientResult } from './parse-fhir-patient.js';
import { readFhirResource } from './read-fhir-resource.js';
import type { FhirResourceReading } from './read-fhir-resource.js';

const DAYS_PER_WEEK = 7;
const GESTATION_DAYS: readonly [number, number] = [
  GESTATION_WEEKS_RANGE[0] * DAYS_PER_WEEK,
  GESTATION_WEEKS_RANGE[1] * DAYS_PER_WEEK,
];
const URN_UUID = 'urn:uuid:';
const PATIENT = 'Patient/';
const SLASH = 47;

const problem = (field: string, reason: FieldProblem['reason']): readonly FieldProblem[] =>
  Object.freeze([Object.freeze({ field, reason })]);
const UNKNOWN_PATIENT = problem('subject', 'UNKNOWN_PATIENT');
const PATIENT_REJECTED = problem('subject', 'PATIENT_REJECTED');
const BEFORE_BIRTH = problem('effective[x]', 'MEASURED_BEFORE_BIRTH');
const OUT_OF_RANGE = problem('valueQuantity.value', 'OUT_OF_RANGE');
const DUPLICATE = problem('*', 'DUPLICATE');
const MALFORMED = problem('*', 'MALFORMED_ROW');
const CONFLICTING_VALUE = problem('valueQuantity.value', 'CONFLICTING_CHILD');

/** An observation waiting for its patient. */
interface Pending {
  readonly observation: GrowthObservation;
  readonly site: ResourceSite;
}

/** Collects resources into a cohort; see the file comment. */
export class FhirCohortAssembler {
  private readonly children = new CohortBuilder();
  private readonly birthDays: number[] = [];
  private readonly sexes: number[] = [];
  private readonly gestationDays: number[] = [];
  private readonly measurements = new MeasurementTable();
  /** Bundle `fullUrl` → the id the child is known by. */
  private readonly fullUrls = new Map<string, string>();
  private readonly rejectedPatients = new Set<string>();
  private readonly pending: Pending[] = [];
  /** Memo of `childOf`; reset whenever a child is added. */
  private lastReference = '';
  private last: { id: string | undefined; child: number | undefined } = {
    id: undefined,
    child: undefined,
  };

  constructor(private readonly report: FhirIngestReportBuilder) {}

  /**
   * Reads one resource from `file` at `row`: Patients and Observations are
   * used, other types counted as ignored, anything that is not a resource
   * rejected as `MALFORMED_ROW`.
   */
  addResource(resource: unknown, file: string, row: number, fullUrl?: string): void {
    this.addReading(readFhirResource(resource, fullUrl), file, row, fullUrl);
  }

  /** Like `addResource`, for a resource already read (e.g. on a worker thread). */
  addReading(reading: FhirResourceReading, file: string, row: number, fullUrl?: string): void {
    if (reading.kind === 'malformed') {
      this.report.reject({ file, row }, MALFORMED);
      return;
    }
    if (reading.kind === 'ignored') {
      this.report.ignoreResource(reading.type);
      return;
    }
    const type = reading.kind === 'patient' ? 'Patient' : 'Observation';
    const site: ResourceSite =
      reading.id === undefined ? { file, row } : { file, row, type, id: reading.id };
    if (reading.kind === 'patient') this.addPatient(reading.id, reading.result, site, fullUrl);
    else this.addObservation(reading.result, site);
  }

  /** Adds a read Patient; `fullUrl` is the Bundle entry's, if any. */
  private addPatient(
    resourceId: string | undefined,
    result: FhirPatientResult,
    site: ResourceSite,
    fullUrl?: string,
  ): void {
    const id = result.ok ? result.patient.id : (resourceId ?? fullUrl);
    if (fullUrl !== undefined && id !== undefined) this.fullUrls.set(fullUrl, id);
    if (!result.ok) {
      if (id !== undefined) this.rejectedPatients.add(id);
      this.report.reject(site, result.problems);
      return;
    }
    const problems = this.addChild(result.patient);
    if (problems === undefined) this.report.accept();
    else this.report.reject(site, problems);
  }

  /** Adds a read Observation (growth ones are used, others counted as ignored). */
  private addObservation(result: FhirObservationResult, site: ResourceSite): void {
    if (result.type === 'ignored') this.report.ignoreObservation();
    else if (result.type === 'rejected') this.report.reject(site, result.problems);
    else this.place(result.observation, site, false);
  }

  /** Places held-back observations (their patient is now known, or never will be) and builds the cohort. */
  finish(): Cohort {
    for (const { observation, site } of this.pending) this.place(observation, site, true);
    this.pending.length = 0;
    const built = this.children.build();
    const hasGestation = this.gestationDays.some((days) => !Number.isNaN(days));
    return {
      children: hasGestation
        ? { ...built.children, gestationalAgeDays: Float32Array.from(this.gestationDays) }
        : built.children,
      measurements: this.measurements.finish(),
    };
  }

  /** Adds a new child; a Patient read twice is a duplicate if it agrees, a conflict if not. */
  private addChild(patient: FhirPatient): readonly FieldProblem[] | undefined {
    const known = this.children.childIndex(patient.id);
    if (known === undefined) {
      this.children.addChild(patient);
      this.lastReference = ''; // the memo may say "no such child"
      this.birthDays.push(patient.birthDay);
      this.sexes.push(patient.sex);
      this.gestationDays.push(Number.NaN);
      this.rejectedPatients.delete(patient.id);
      return undefined;
    }
    const conflicts: FieldProblem[] = [];
    if (this.sexes[known] !== patient.sex)
      conflicts.push({ field: 'gender', reason: 'CONFLICTING_CHILD' });
    if (this.birthDays[known] !== patient.birthDay) {
      conflicts.push({ field: 'birthDate', reason: 'CONFLICTING_CHILD' });
    }
    return conflicts.length > 0 ? conflicts : DUPLICATE;
  }

  /** Ties an observation to its child; `final` once every file has been read. */
  private place(observation: GrowthObservation, site: ResourceSite, final: boolean): void {
    const { id, child } = this.childOf(observation.subject);
    if (child === undefined) {
      if (id !== undefined && this.rejectedPatients.has(id))
        this.report.reject(site, PATIENT_REJECTED);
      else if (id !== undefined && !final) this.pending.push({ observation, site });
      else this.report.reject(site, UNKNOWN_PATIENT);
      return;
    }
    if (this.isPregnancyRecord(child, observation)) {
      this.report.ignoreObservation();
      return;
    }
    const problems = this.addValue(child, observation);
    if (problems === undefined) this.report.accept();
    else this.report.reject(site, problems);
  }

  /**
   * A gestational age dated from the patient's tenth birthday on is a
   * pregnancy record of that patient (a mother's prenatal care), not her own
   * gestation at birth: general exports hold many, and reading them would
   * give adults a gestational age and a string of conflicts.
   */
  private isPregnancyRecord(child: number, observation: GrowthObservation): boolean {
    if (observation.quantity !== Quantity.gestation) return false;
    return observation.day - (this.birthDays[child] ?? 0) >= GESTATION_OWN_BELOW_AGE_DAYS;
  }

  /** Adds a measurement (or the child's gestational age); its problems, if any. */
  private addValue(
    child: number,
    observation: GrowthObservation,
  ): readonly FieldProblem[] | undefined {
    const { quantity, value } = observation;
    if (quantity === Quantity.gestation) return this.setGestation(child, value);
    const ageDays = observation.day - (this.birthDays[child] ?? 0);
    if (ageDays < 0) return BEFORE_BIRTH;
    const kind = kindOf(quantity, observation.position, ageDays);
    if (!isPlausible(kind, value)) return OUT_OF_RANGE;
    const added = this.measurements.add(child, ageDays, kind, value, observation.estimated);
    return added ? undefined : DUPLICATE;
  }

  private setGestation(child: number, days: number): readonly FieldProblem[] | undefined {
    if (days < GESTATION_DAYS[0] || days > GESTATION_DAYS[1]) return OUT_OF_RANGE;
    const known = this.gestationDays[child] ?? Number.NaN;
    if (Number.isNaN(known)) {
      this.gestationDays[child] = days;
      return undefined;
    }
    return known === days ? DUPLICATE : CONFLICTING_VALUE;
  }

  /**
   * The child a reference names, or undefined; the last answer is kept since
   * an export lists a child's observations together.
   */
  private childOf(reference: string): { id: string | undefined; child: number | undefined } {
    if (reference !== this.lastReference) {
      const id = this.patientId(reference);
      this.lastReference = reference;
      this.last = { id, child: id === undefined ? undefined : this.children.childIndex(id) };
    }
    return this.last;
  }

  /** The patient id a reference names, or undefined when it names no Patient. */
  private patientId(reference: string): string | undefined {
    const mapped = this.fullUrls.get(reference);
    if (mapped !== undefined) return mapped;
    // Outside a Bundle a urn:uuid can only be matched to the id (Synthea uses the uuid as id).
    if (reference.startsWith(URN_UUID)) return reference.slice(URN_UUID.length) || undefined;
    const at = reference.lastIndexOf(PATIENT);
    if (at === -1 || (at > 0 && reference.charCodeAt(at - 1) !== SLASH)) return undefined;
    const start = at + PATIENT.length;
    const end = reference.indexOf('/', start); // Patient/1/_history/2
    return reference.slice(start, end === -1 ? undefined : end) || undefined;
  }
}

/** Length or height: the code or body position if known, else by age, as WHO and CDC measure. */
function kindOf(
  quantity: Exclude<Quantity, typeof Quantity.gestation>,
  position: Position,
  ageDays: number,
): MeasurementKind {
  switch (quantity) {
    case Quantity.weight:
      return MeasurementKind.weight;
    case Quantity.headCircumference:
      return MeasurementKind.headCircumference;
    case Quantity.bmi:
      return MeasurementKind.bmi;
    case Quantity.stature:
      if (position === Position.recumbent) return MeasurementKind.length;
      if (position === Position.standing) return MeasurementKind.height;
      return ageDays < RECUMBENT_BELOW_AGE_DAYS ? MeasurementKind.length : MeasurementKind.height;
  }
}
