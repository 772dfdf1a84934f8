import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Cohort } from '../benchmark/cohort.js';
import { MeasurementKind } from '../benchmark/cohort.js';
import { CentileError } from '../benchmark/errors.js';
import { toLongCsv } from '../benchmark/sim/to-long-csv.js';
import type { IngestReport } from '../node/data/ingest-report.js';
import { isDataFormat, readCohort } from '../node/data/read-cohort.js';

type Out = (line: string) => void;

const OPTIONS = { format: { type: 'string' }, path: { type: 'string' } } as const;

function usage(message: string): CentileError {
  return new CentileError('invalid-input', 'USAGE', message);
}

async function read(values: { format?: string; path?: string }) {
  if (!isDataFormat(values.format)) throw usage('--format must be csv, fhir or omop');
  if (values.path === undefined) throw usage('--path is required');
  return readCohort(values.format, values.path);
}

/** What `data check --json` prints: counts of what the node would see, and what it rejected. */
export function checkSummary(cohort: Cohort, report: IngestReport) {
  const counts = { weight: 0, stature: 0, head_circumference: 0, bmi: 0 };
  for (const kind of cohort.measurements.kind) {
    if (kind === MeasurementKind.weight) counts.weight++;
    else if (kind === MeasurementKind.length || kind === MeasurementKind.height) counts.stature++;
    else if (kind === MeasurementKind.headCircumference) counts.head_circumference++;
    else counts.bmi++;
  }
  return {
    children: cohort.children.ids.length,
    // Children with a recorded gestational age: shows IT that preterm information arrived.
    gestational_ages: cohort.children.gestationalAgeDays.filter((days) => !Number.isNaN(days))
      .length,
    measurements: counts,
    rejected: report.rowsRejected,
    problems: report.problems,
    problem_counts: report.problemCounts,
  };
}

/** `centile data check --format F --path P [--json]`: a summary for hospital IT. */
export async function dataCheckCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { ...OPTIONS, json: { type: 'boolean', default: false } },
  });
  const { cohort, report } = await read(values);
  const summary = checkSummary(cohort, report);
  if (values.json) return out(JSON.stringify(summary));
  const m = summary.measurements;
  out(
    `${report.file}: ${summary.children} children; ${report.rowsRead} records read, ${report.rowsAccepted} accepted, ${report.rowsRejected} rejected`,
  );
  out(
    `measurements: weight ${m.weight}, stature ${m.stature}, head circumference ${m.head_circumference}, BMI ${m.bmi}; gestational age recorded for ${summary.gestational_ages} children`,
  );
  for (const [reason, count] of Object.entries(report.problemCounts)) out(`  ${reason}: ${count}`);
  for (const p of report.problems.slice(0, 20)) out(`  row ${p.row} ${p.field}: ${p.reason}`);
}

/** `centile data convert --format F --path P --out FILE.csv`: the canonical long CSV (kg, cm), what the node sees. */
export async function dataConvertCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args, options: { ...OPTIONS, out: { type: 'string' } } });
  if (values.out === undefined) throw usage('--out FILE.csv is required');
  const { cohort, report } = await read(values);
  const stream = createWriteStream(values.out, { mode: 0o600 });
  for (const line of toLongCsv(cohort, { exact: true }))
    if (!stream.write(line)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
  out(
    `${cohort.measurements.child.length} measurements of ${cohort.children.ids.length} children written; ${report.rowsRejected} records rejected`,
  );
}
