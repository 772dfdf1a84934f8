/**
 * Sim long CSV files for the benchmarks. One Sim site (the urban clinic,
 * mixed units, as a real export would mix them) is generated once per run;
 * larger files repeat its rows with renamed children, which writes 10
 * million measurements in seconds instead of simulating them for minutes.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { generateSimSite } from '../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { LONG_CSV_HEADER, toLongCsv } from '../../benchmark/sim/to-long-csv.js';
import type { SimCsvFile } from './bench-case.js';

/** Children simulated once per run: about 540,000 measurements. */
const SIM_CHILDREN = 20_000;

/** Makes (and remembers) Sim CSV files in one folder. */
export class SimCsvFiles {
  private rows: string[] | undefined;
  private readonly made = new Map<number, SimCsvFile>();

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void,
  ) {}

  /** A file with exactly `measurements` data rows (after the header). */
  async file(measurements: number): Promise<SimCsvFile> {
    const known = this.made.get(measurements);
    if (known !== undefined) return known;
    const rows = this.simRows();
    const file = path.join(this.dir, `sim-${measurements}.csv`);
    this.log(`writing ${measurements.toLocaleString('en')} Sim measurements as CSV`);
    await writeRepeated(file, rows, measurements);
    const made = { path: file, measurements, bytes: (await stat(file)).size };
    this.made.set(measurements, made);
    return made;
  }

  private simRows(): string[] {
    if (this.rows === undefined) {
      this.log(`simulating ${SIM_CHILDREN.toLocaleString('en')} children`);
      const site = generateSimSite(SIM_SITES.urban, {
        children: SIM_CHILDREN,
        seed: 'bench',
        unitMix: true,
      });
      this.rows = toLongCsv(
        site.cohort,
        site.units === undefined ? {} : { units: site.units },
      ).slice(1);
    }
    return this.rows;
  }
}

/** Writes the header and `count` rows: `rows` over and over, children renamed per round. */
async function writeRepeated(file: string, rows: readonly string[], count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${LONG_CSV_HEADER}\n`);
  for (let round = 0, left = count; left > 0; round += 1, left -= rows.length) {
    const prefix = round === 0 ? '' : `r${round}-`;
    const part = rows.slice(0, Math.min(left, rows.length));
    if (!out.write(part.map((row) => prefix + row).join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
