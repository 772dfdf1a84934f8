import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import type { Line } from '../node/data/read-lines.js';
import { openLineFile } from './growth/line-file.js';
import { readInputLines } from './read-input-lines.js';
import type { ZscoreSummary } from './growth/zscore-rows.js';
import { writeZscores } from './growth/zscore-rows.js';

/**
 * `centile growth zscores --in FILE.csv [--out FILE.csv]`: the batch
 * calculator hospital analysts use like WHO Anthro's. Reads the input line
 * by line; writes `id,z,percentile,flag,reason` to `--out`, or through
 * `out` (stdout) when there is none. With `--out`, `out` gets one summary
 * line. A row that cannot be scored gets a reason and never stops the batch.
 * @throws CentileError `USAGE`, `INPUT_NOT_READABLE`, `CSV_HEADER_INVALID`, `OUTPUT_NOT_WRITABLE`.
 */
export async function growthZscoresCommand(
  args: string[],
  out: (line: string) => void,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { in: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.in === undefined) {
    throw new CentileError('invalid-input', 'USAGE', '--in FILE.csv is required');
  }
  const lines = readInputLines(values.in);
  if (values.out === undefined) {
    await writeZscores(lines, out);
    return;
  }
  const summary = await toFile(lines, values.out);
  out(
    `scored ${summary.scored} of ${summary.rows} rows; ${summary.rows - summary.scored} have a reason`,
  );
}

async function toFile(lines: AsyncIterable<Line>, target: string): Promise<ZscoreSummary> {
  const file = await openLineFile(target);
  try {
    const summary = await writeZscores(lines, (line) => file.write(line));
    await file.commit();
    return summary;
  } catch (error) {
    await file.abort();
    throw error;
  }
}
