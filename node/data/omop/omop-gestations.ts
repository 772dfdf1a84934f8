/**
 * Gestational ages read from MEASUREMENT, one per person. They may come
 * before or after the person's growth measurements, and a person becomes a
 * child only with its first growth measurement, so they are kept by
 * `person_id` and joined to the cohort once the whole table has been read.
 */
import type { Cohort } from '../../../benchmark/cohort.js';
import { WHOLE_ROW } from '../ingest-report.js';
import type { OmopFieldProblem, OmopFileReportBuilder } from './omop-ingest-report.js';

const DUPLICATE: readonly OmopFieldProblem[] = [{ field: WHOLE_ROW, reason: 'DUPLICATE' }];
const CONFLICTING: readonly OmopFieldProblem[] = [
  { field: 'value_as_number', reason: 'CONFLICTING_CHILD' },
];

/** Collects each person's gestational age; see the file comment. */
export class OmopGestations {
  private readonly daysByPerson = new Map<string, number>();

  /**
   * Records `days` as the person's gestational age at birth. The first row
   * wins, as for a repeated PERSON row: the same value again is a
   * `DUPLICATE` (whatever its unit), another value a `CONFLICTING_CHILD`,
   * since a child has one gestational age.
   */
  add(personId: string, days: number): readonly OmopFieldProblem[] | undefined {
    const known = this.daysByPerson.get(personId);
    if (known === undefined) {
      this.daysByPerson.set(personId, days);
      return undefined;
    }
    return known === days ? DUPLICATE : CONFLICTING;
  }

  /**
   * `cohort` with each child's gestational age (NaN when none was read).
   * Counts each recorded row in `report`: accepted when its person is a
   * child of the cohort, ignored when not (a person without growth
   * measurements is not in the cohort), so accepted rows are those used.
   */
  joinTo(cohort: Cohort, report: OmopFileReportBuilder): Cohort {
    const { ids } = cohort.children;
    const gestationalAgeDays = Float32Array.from(
      ids,
      (id) => this.daysByPerson.get(id) ?? Number.NaN,
    );
    const used = gestationalAgeDays.filter((days) => !Number.isNaN(days)).length;
    for (let i = 0; i < used; i += 1) report.accept();
    for (let i = used; i < this.daysByPerson.size; i += 1) report.ignore();
    return { ...cohort, children: { ...cohort.children, gestationalAgeDays } };
  }
}
