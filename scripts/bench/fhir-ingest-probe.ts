/**
 * Child process of the FHIR ingest benchmark: times `readFhirCohort` on a
 * bulk-export folder and the floor (reading its NDJSON files and counting
 * lines), alternately, and prints the medians as JSON on stdout.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type * as ReadFhirCohortModule from '../../node/data/fhir/read-fhir-cohort.js';
import { median, timeMs } from './measure-time.js';
import { readAndCountLines } from './read-floor.js';

// The compiled build, as a node runs it (`npm run bench` builds first): its
// parse workers start in tens of milliseconds, where workers running the
// TypeScript sources spend half a second compiling them.
const { readFhirCohort } = (await import(
  new URL('../../dist/node/data/fhir/read-fhir-cohort.js', import.meta.url).href
)) as typeof ReadFhirCohortModule;
const [folder, runsText = '5'] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: fhir-ingest-probe FOLDER [RUNS]');
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.ndjson'))
  .map((f) => path.join(folder, f));
let observations = 0;
const ingest = async (): Promise<void> => {
  const { cohort } = await readFhirCohort(folder);
  observations = cohort.measurements.child.length;
};
const floor = async (): Promise<void> => {
  for (const file of files) await readAndCountLines(file);
};
await ingest();
await floor();
const ingestTimes: number[] = [];
const floorTimes: number[] = [];
for (let i = 0; i < Number(runsText); i += 1) {
  ingestTimes.push(await timeMs(ingest));
  floorTimes.push(await timeMs(floor));
}
process.stdout.write(
  `${JSON.stringify({
    observations,
    ingestMs: median(ingestTimes),
    floorMs: median(floorTimes),
    cores: availableParallelism(),
  })}\n`,
);
