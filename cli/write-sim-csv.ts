import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateSimSite } from '../benchmark/sim/generate-sim-site.js';
import type { SimSiteSpec } from '../benchmark/sim/sim-site-spec.js';
import { toLongCsv } from '../benchmark/sim/to-long-csv.js';

/** Generates one Sim site and streams it to `file` as long CSV (mixed units, as real exports are). */
export async function writeSimCsv(
  spec: SimSiteSpec,
  children: number,
  seed: string,
  file: string,
): Promise<void> {
  const site = generateSimSite(spec, { children, seed, unitMix: true });
  const stream = createWriteStream(file, { mode: 0o600 });
  for (const line of toLongCsv(
    site.cohort,
    site.units === undefined ? {} : { units: site.units },
  )) {
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
