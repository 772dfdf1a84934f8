/**
 * FHIR NDJSON ingest throughput (issue 3 §4: at least 150,000 observations
 * per second), next to the time merely to read the same files. The reader
 * parses on every core, so the figure is for this machine's cores (given in
 * the details).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { writeSimSite } from '../../cli/write-sim-site.js';
import type { BenchCase, BenchFigure } from './bench-case.js';
import { throughputFigure } from './bench-case.js';
import { runProbe } from './run-probe.js';

const RUNS = 3;

interface ProbeResult {
  readonly observations: number;
  readonly ingestMs: number;
  readonly floorMs: number;
  readonly cores: number;
}

/** `readFhirCohort` on a Sim bulk export with mixed units, median of 3 runs in a fresh process. */
export const fhirIngest: BenchCase = {
  name: 'fhir-ingest',
  title: 'FHIR NDJSON ingest (readFhirCohort)',
  async run(context): Promise<BenchFigure> {
    const children = context.full ? 100_000 : 10_000;
    const folder = path.join(context.workDir, `fhir-${children}`);
    mkdirSync(folder, { recursive: true });
    context.log(`writing a Sim FHIR bulk export of ${children.toLocaleString('en')} children`);
    await writeSimSite(SIM_SITES.urban, { children, seed: 'bench', format: 'fhir' }, folder);
    context.log('timing FHIR ingest and the read floor in a fresh process');
    const probe = await runProbe<ProbeResult>('fhir-ingest-probe.ts', [folder, String(RUNS)]);
    return throughputFigure(
      { count: probe.observations, ms: probe.ingestMs, floorMs: probe.floorMs },
      {
        unit: 'observations/s',
        target: 150_000,
        floorWhat: 'fs.readFile + count newlines',
        floorUnit: 'lines/s',
      },
      {
        observations: probe.observations,
        ingestMs: probe.ingestMs,
        floorMs: probe.floorMs,
        runs: RUNS,
        cores: probe.cores,
      },
    );
  },
};
