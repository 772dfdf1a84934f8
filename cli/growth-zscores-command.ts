import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import type { Line } from '../node/data/read-lines.js';
import { readLines } from '../node/data/read-lines.js';
import { openLineFile } from './growth/line-file.js';
import type { ZscoreSummary } from './growth/zscore-rows.js';
import { writeZscores } from './growth/zscore-rows.js';

/** Longest input line read; a longer one is reported (`ROW_TOO_LONG`), never buffered. */
const MAX_LINE_CHARS = 64 * 1024;

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
  const lines = readLines(inputChunks(values.in), MAX_LINE_CHARS);
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

/** The input file's text; a read error becomes INPUT_NOT_READABLE (its path stays out of the message). */
async function* inputChunks(file: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) yield chunk as string;
  } catch (error) {
    throw new CentileError(
      'invalid-input',
      'INPUT_NOT_READABLE',
      'The input file cannot be read.',
      {
        cause: error,
      },
    );
  }
}
