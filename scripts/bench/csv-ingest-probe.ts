/**
 * Child process of the CSV ingest benchmark: times `readCsvCohort` on one
 * file and the floor (reading it and counting lines), alternately so that
 * both see the same machine, and prints the medians as JSON on stdout.
 */
import { readCsvCohort } from '../../node/data/read-csv-cohort.js';
import { median, timeMs } from './measure-time.js';
import { readAndCountLines } from './read-floor.js';

const [file, runsText = '5'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: csv-ingest-probe FILE [RUNS]');
let measurements = 0;
const ingest = async (): Promise<void> => {
  measurements = (await readCsvCohort(file)).report.rowsAccepted;
};
const floor = (): Promise<number> => readAndCountLines(file);
// Warm-up: compile the hot paths and fill the page cache before timing.
await ingest();
await floor();
const ingestTimes: number[] = [];
const floorTimes: number[] = [];
for (let i = 0; i < Number(runsText); i += 1) {
  ingestTimes.push(await timeMs(ingest));
  floorTimes.push(await timeMs(floor));
}
const result = { measurements, ingestMs: median(ingestTimes), floorMs: median(floorTimes) };
process.stdout.write(`${JSON.stringify(result)}\n`);
