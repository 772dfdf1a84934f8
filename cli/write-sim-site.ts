import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateSimSite } from '../benchmark/sim/generate-sim-site.js';
import type { SimSiteSpec } from '../benchmark/sim/sim-site-spec.js';
import { toFhirNdjson } from '../benchmark/sim/to-fhir-ndjson.js';
import { toLongCsv } from '../benchmark/sim/to-long-csv.js';
import { toOmopCsv } from '../benchmark/sim/to-omop-csv.js';

/** Export formats a Sim site can be written in. */
export const SIM_FORMATS = ['csv', 'fhir', 'omop'] as const;
export type SimFormat = (typeof SIM_FORMATS)[number];

/** What to generate for one site. */
export interface SimSiteOptions {
  readonly children: number;
  readonly seed: string;
  readonly format: SimFormat;
}

/** File names inside a site folder. */
export const SIM_CSV_FILE = 'cohort.csv';
export const OMOP_PERSON_FILE = 'PERSON.csv';
export const OMOP_MEASUREMENT_FILE = 'MEASUREMENT.csv';

/**
 * Generates one Sim site (mixed units, as real exports are) and writes it into
 * `dir` in `format`: `cohort.csv`; the FHIR bulk-export NDJSON files and
 * `manifest.json`; or OMOP `PERSON.csv` + `MEASUREMENT.csv`. Returns what a
 * node's config should point at: the CSV file, or the folder for FHIR and OMOP.
 * The same spec, children and seed give the same bytes.
 */
export async function writeSimSite(
  spec: SimSiteSpec,
  options: SimSiteOptions,
  dir: string,
): Promise<string> {
  const { cohort, units } = generateSimSite(spec, {
    children: options.children,
    seed: options.seed,
    unitMix: true,
  });
  const unitOptions = units === undefined ? {} : { units };
  mkdirSync(dir, { recursive: true });
  switch (options.format) {
    case 'csv': {
      const file = path.join(dir, SIM_CSV_FILE);
      await writeLines(file, toLongCsv(cohort, unitOptions));
      return file;
    }
    case 'fhir':
      for (const { name, lines } of toFhirNdjson(cohort, unitOptions).files)
        await writeLines(path.join(dir, name), lines);
      return dir;
    case 'omop': {
      const { person, measurement } = toOmopCsv(cohort, unitOptions);
      await writeLines(path.join(dir, OMOP_PERSON_FILE), person);
      await writeLines(path.join(dir, OMOP_MEASUREMENT_FILE), measurement);
      return dir;
    }
  }
}

/**
 * Generates one Sim site and streams it to `file` as long CSV (mixed units),
 * for callers that choose the file name (the demo, test fixtures).
 */
export async function writeSimCsv(
  spec: SimSiteSpec,
  children: number,
  seed: string,
  file: string,
): Promise<void> {
  const site = generateSimSite(spec, { children, seed, unitMix: true });
  await writeLines(
    file,
    toLongCsv(site.cohort, site.units === undefined ? {} : { units: site.units }),
  );
}

/**
 * Streams lines to a new file readable only by its owner (Sim data stand in
 * for patient data). Every await is an `events.once`, which also rejects on
 * the stream's 'error', so a write failure always surfaces here.
 */
async function writeLines(file: string, lines: readonly string[]): Promise<void> {
  const stream = createWriteStream(file, { mode: 0o600 });
  for (const line of lines) {
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
