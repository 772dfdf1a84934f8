import { CentileError } from '../../benchmark/errors.js';

/** Why a cell or a row is refused, by code: the message of each {@link MetricsInputError}. */
export const ROW_PROBLEMS = {
  ROW_MALFORMED: 'the quoting is broken',
  ROW_FIELD_COUNT: 'not as many fields as the header',
  ROW_TOO_LONG: 'the line is longer than 64 KiB',
  LABEL_INVALID: 'a label must be 0 or 1',
  SCORE_INVALID: 'a score must be a decimal number',
  SCORE_OUT_OF_RANGE: 'a score must be a probability in [0, 1]',
  TARGET_INVALID: 'a target must be a finite decimal number',
  PREDICTION_INVALID: 'a prediction must be a finite decimal number',
  GROUP_MISSING: 'the group is empty',
  TOO_MANY_GROUPS: 'more distinct groups than the limit',
} as const;

/** The stable code of a refused cell or row. */
export type MetricsRowCode = keyof typeof ROW_PROBLEMS;

/**
 * A row of a `centile metrics` input file that cannot be used. `line` (1-based,
 * the header is line 1, blank lines count) and `field` (the column's name,
 * `null` when the row as a whole is broken) say where; the message says what,
 * never the value. It is a CentileError, so the CLI prints it as one line.
 */
export class MetricsInputError extends CentileError {
  constructor(
    code: MetricsRowCode,
    readonly line: number,
    readonly field: string | null,
  ) {
    const where = field === null ? `line ${line}` : `line ${line}, column ${field}`;
    super('invalid-input', code, `${where}: ${ROW_PROBLEMS[code]}`);
  }
}
