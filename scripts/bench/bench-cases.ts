/**
 * Every benchmark `npm run bench` runs, in order. To add one, write a
 * `BenchCase` in its own file here and list it below.
 */
import type { BenchCase } from './bench-case.js';
import { csvIngest } from './csv-ingest.js';
import { csvMemory } from './csv-memory.js';
import { evaluateOverhead } from './evaluate-overhead.js';
import { fhirIngest } from './fhir-ingest.js';
import { zscoreThroughput } from './zscore-throughput.js';

export const BENCH_CASES: readonly BenchCase[] = [
  zscoreThroughput,
  csvIngest,
  fhirIngest,
  csvMemory,
  evaluateOverhead,
];
