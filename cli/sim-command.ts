import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import { SIM_SITES } from '../benchmark/sim/sim-site-spec.js';
import { writeSimCsv } from './write-sim-csv.js';

/** `centile sim --out DIR [--children N] [--seed S]`: the three Sim sites as long CSV files. */
export async function simCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      children: { type: 'string', default: '3000' },
      seed: { type: 'string', default: 'centile' },
    },
  });
  const children = Number(values.children);
  if (values.out === undefined)
    throw new CentileError('invalid-input', 'USAGE', '--out DIR is required');
  if (!Number.isInteger(children) || children < 1)
    throw new CentileError('invalid-input', 'USAGE', '--children must be a positive integer');
  mkdirSync(values.out, { recursive: true });
  for (const spec of Object.values(SIM_SITES)) {
    const file = path.join(values.out, `${spec.key}.csv`);
    await writeSimCsv(spec, children, values.seed, file);
    out(file);
  }
}
