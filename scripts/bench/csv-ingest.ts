/**
 * CSV ingest throughput (issue 3 §4: at least 1 million measurements per
 * second on one core), next to the time merely to read the same file.
 */
import { readCsvCohort } from '../../node/data/read-csv-cohort.js';
import type { BenchCase, BenchFigure } from './bench-case.js';
import { medianMs } from './measure-time.js';
import { readAndCountLines } from './read-floor.js';

/** About 540,000 measurements: one simulated site of 20,000 children. */
const MEASUREMENTS = 540_000;
const RUNS = 5;

/** `readCsvCohort` on a Sim export with mixed units, median of 5 runs. */
export const csvIngest: BenchCase = {
  name: 'csv-ingest',
  title: 'CSV ingest (readCsvCohort)',
  async run(context): Promise<BenchFigure> {
    const file = await context.simCsv(MEASUREMENTS);
    context.log('timing CSV ingest');
    let accepted = 0;
    const ingestMs = await medianMs(async () => {
      accepted = (await readCsvCohort(file.path)).report.rowsAccepted;
    }, RUNS);
    if (accepted !== file.measurements) throw new Error('the Sim file did not ingest cleanly');
    const floorMs = await medianMs(() => readAndCountLines(file.path), RUNS);
    const perSecond = (ms: number): number => file.measurements / (ms / 1000);
    return {
      value: perSecond(ingestMs),
      unit: 'measurements/s',
      target: 1_000_000,
      better: 'higher',
      floor: {
        what: 'fs.readFile + count newlines',
        value: perSecond(floorMs),
        unit: 'lines/s',
        ratio: ingestMs / floorMs,
      },
      details: {
        measurements: file.measurements,
        fileBytes: file.bytes,
        ingestMs: round(ingestMs),
        floorMs: round(floorMs),
        ingestMBps: round(file.bytes / 1e6 / (ingestMs / 1000)),
        runs: RUNS,
      },
    };
  },
};

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
