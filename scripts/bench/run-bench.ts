/**
 * `npm run bench [-- --json] [-- --full] [-- --only NAME[,NAME]]`: runs the
 * benchmarks of `bench-cases.ts` one after the other in this process and
 * prints their figures side by side, each as a ratio to its target and to
 * its floor. Timings never go into the test suite: a busy CI machine must
 * not fail a build, and a benchmark must not pass by luck.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchCase, BenchContext } from './bench-case.js';
import { BENCH_CASES } from './bench-cases.js';
import { formatTable, toBenchReport } from './format-figures.js';
import type { BenchOutcome } from './format-figures.js';
import { SimCsvFiles } from './sim-csv-files.js';

const USAGE = 'usage: npm run bench [-- --json] [--full] [--only NAME[,NAME...]]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const cases = selectCases(values.only);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'centile-bench-'));
  const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);
  const files = new SimCsvFiles(workDir, log);
  const context: BenchContext = {
    full: values.full,
    workDir,
    log,
    simCsv: (measurements) => files.file(measurements),
  };
  try {
    const outcomes: BenchOutcome[] = [];
    for (const bench of cases) {
      log(`${bench.name} …`);
      outcomes.push({ bench, figure: await bench.run(context) });
    }
    const output = values.json
      ? JSON.stringify(toBenchReport(outcomes, values.full), null, 2)
      : formatTable(outcomes);
    process.stdout.write(`${output}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function selectCases(only: string | undefined): readonly BenchCase[] {
  if (only === undefined) return BENCH_CASES;
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !BENCH_CASES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    const known = BENCH_CASES.map((bench) => bench.name).join(', ');
    throw new UsageError(`unknown benchmark ${unknown.join(', ')} (known: ${known})`);
  }
  return BENCH_CASES.filter((bench) => names.includes(bench.name));
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  // A usage mistake gets one line; anything else is a bug in a benchmark and keeps its stack.
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    usage
      ? `${(error as Error).message}\n${USAGE}\n`
      : `${String((error as Error).stack ?? error)}\n`,
  );
  process.exitCode = usage ? 2 : 1;
});
