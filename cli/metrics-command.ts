import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import { DEFAULT_THRESHOLD } from '../benchmark/metrics/binary-metrics.js';
import { binaryReport, regressionReport } from '../benchmark/metrics/metrics-report.js';
import { parseDecimalNumber } from './metrics/parse-decimal-number.js';
import { readInputLines } from './read-input-lines.js';
import { readMetricsTable } from './metrics/read-metrics-table.js';

type Out = (line: string) => void;

/**
 * `centile metrics binary --in FILE.csv [--threshold T]`: a model owner's
 * validation predictions (`label,score[,group]`) scored exactly as a node
 * scores them, printed as one JSON object `{all, groups, fairness?}` with
 * the keys of `BinaryMetrics` and `BinaryFairness` (docs/metrics.md).
 * @throws CentileError `USAGE`, `INPUT_NOT_READABLE`, `CSV_HEADER_INVALID`, `NO_ROWS`,
 *   or a `MetricsInputError` naming the line and column of the first bad cell.
 */
export async function metricsBinaryCommand(args: string[], out: Out): Promise<void> {
  const values = parseOptions(args, true);
  const threshold = parseThreshold(values.threshold);
  const table = await readMetricsTable(readInputLines(requireInput(values.in)), 'binary');
  const labels = Uint8Array.from(table.truth);
  out(JSON.stringify(binaryReport(labels, table.output, table.grouping, threshold)));
}

/**
 * `centile metrics regression --in FILE.csv`: `target,prediction[,group]`
 * scored with MAE, RMSE, MAPE and bias, printed like `metrics binary`.
 * @throws CentileError as {@link metricsBinaryCommand}.
 */
export async function metricsRegressionCommand(args: string[], out: Out): Promise<void> {
  const values = parseOptions(args, false);
  const table = await readMetricsTable(readInputLines(requireInput(values.in)), 'regression');
  out(JSON.stringify(regressionReport(table.truth, table.output, table.grouping)));
}

const INPUT_OPTION = { in: { type: 'string' } } as const;
const BINARY_OPTIONS = { ...INPUT_OPTION, threshold: { type: 'string' } } as const;

/** The options; an unknown option or a stray argument is a USAGE error. */
function parseOptions(args: string[], withThreshold: boolean): { in?: string; threshold?: string } {
  try {
    return parseArgs({ args, options: withThreshold ? BINARY_OPTIONS : INPUT_OPTION }).values;
  } catch (error) {
    throw usage(error instanceof Error ? error.message : 'unknown option', error);
  }
}

function requireInput(file: string | undefined): string {
  if (file === undefined) throw usage('--in FILE.csv is required');
  return file;
}

/** A decision threshold in [0, 1]; 0.5 when absent. */
function parseThreshold(text: string | undefined): number {
  if (text === undefined) return DEFAULT_THRESHOLD;
  const value = parseDecimalNumber(text);
  if (!(value >= 0 && value <= 1)) throw usage('--threshold must be a number in [0, 1]');
  return value;
}

function usage(message: string, cause?: unknown): CentileError {
  return new CentileError('invalid-input', 'USAGE', message, { cause });
}
