/**
 * CSV ingest throughput (issue 3 §4: at least 1 million measurements per
 * second on one core), next to the time merely to read the same file.
 */
import type { BenchCase, BenchFigure } from './bench-case.js';
import { throughputFigure } from './bench-case.js';
import { runProbe } from './run-probe.js';

/** About 540,000 measurements: one simulated site of 20,000 children. */
const MEASUREMENTS = 540_000;
const RUNS = 7;

interface ProbeResult {
  readonly measurements: number;
  readonly ingestMs: number;
  readonly floorMs: number;
}

/** `readCsvCohort` on a Sim export with mixed units, median of 7 runs in a fresh process. */
export const csvIngest: BenchCase = {
  name: 'csv-ingest',
  title: 'CSV ingest (readCsvCohort)',
  async run(context): Promise<BenchFigure> {
    const file = await context.simCsv(MEASUREMENTS);
    context.log('timing CSV ingest and the read floor in a fresh process');
    const probe = await runProbe<ProbeResult>('csv-ingest-probe.ts', [file.path, String(RUNS)]);
    if (probe.measurements !== file.measurements) {
      throw new Error('the Sim file did not ingest cleanly');
    }
    return throughputFigure(
      { count: file.measurements, ms: probe.ingestMs, floorMs: probe.floorMs },
      {
        unit: 'measurements/s',
        target: 1_000_000,
        floorWhat: 'fs.readFile + count newlines',
        floorUnit: 'lines/s',
      },
      {
        measurements: file.measurements,
        fileBytes: file.bytes,
        ingestMs: round(probe.ingestMs),
        floorMs: round(probe.floorMs),
        ingestMBps: round(file.bytes / 1e6 / (probe.ingestMs / 1000)),
        runs: RUNS,
      },
    );
  },
};

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
