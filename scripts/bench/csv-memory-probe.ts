/**
 * Child process of the CSV memory benchmark: reads one CSV file into a
 * cohort and prints, as JSON on stdout, the resident memory before and at
 * its peak. A fresh process, so nothing else the harness did is counted.
 */
import { readCsvCohort } from '../../node/data/read-csv-cohort.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: csv-memory-probe FILE');
const baselineRss = process.memoryUsage().rss;
const { cohort, report } = await readCsvCohort(file);
const peakRss = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
const { children, measurements } = cohort;
const cohortBytes = [
  children.sex,
  children.birthDay,
  children.gestationalAgeDays,
  measurements.child,
  measurements.ageDays,
  measurements.kind,
  measurements.value,
  measurements.estimated,
].reduce((sum, column) => sum + column.byteLength, 0);
process.stdout.write(
  `${JSON.stringify({
    measurements: report.rowsAccepted,
    children: children.ids.length,
    baselineRss,
    peakRss,
    cohortBytes,
  })}\n`,
);
