/**
 * Peak memory of a CSV ingest (issue 3 §4: at most 100 bytes per
 * measurement for a 10-million-measurement cohort), measured as the growth
 * of resident memory in a fresh process, so the cohort, the builder's
 * growth, the id index and the read buffers all count.
 */
import type { BenchCase, BenchFigure } from './bench-case.js';
import { runProbe } from './run-probe.js';

/** `--full` checks the 10 million; the default keeps the run short. */
const FULL_MEASUREMENTS = 10_000_000;
const QUICK_MEASUREMENTS = 2_000_000;

interface ProbeResult {
  readonly measurements: number;
  readonly children: number;
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly cohortBytes: number;
}

/** Peak RSS growth per measurement while `readCsvCohort` reads a large Sim export. */
export const csvMemory: BenchCase = {
  name: 'csv-memory',
  title: 'CSV ingest peak memory',
  async run(context): Promise<BenchFigure> {
    const file = await context.simCsv(context.full ? FULL_MEASUREMENTS : QUICK_MEASUREMENTS);
    context.log('measuring peak memory in a fresh process');
    const probe = await runProbe<ProbeResult>('csv-memory-probe.ts', [file.path]);
    if (probe.measurements !== file.measurements)
      throw new Error('the Sim file did not ingest cleanly');
    const perMeasurement = (bytes: number): number => bytes / probe.measurements;
    const peak = perMeasurement(probe.peakRss - probe.baselineRss);
    const floor = perMeasurement(probe.cohortBytes);
    return {
      value: peak,
      unit: 'bytes/measurement',
      target: 100,
      better: 'lower',
      floor: {
        what: "the cohort's own typed arrays",
        value: floor,
        unit: 'bytes/measurement',
        ratio: peak / floor,
      },
      details: {
        measurements: probe.measurements,
        children: probe.children,
        fileBytes: file.bytes,
        baselineRssMB: Math.round(probe.baselineRss / 1e6),
        peakRssMB: Math.round(probe.peakRss / 1e6),
      },
    };
  },
};
