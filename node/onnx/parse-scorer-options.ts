/**
 * The options of an `OnnxScorer`, checked all at once and frozen with
 * their defaults filled in.
 */
import { CentileError } from '../../benchmark/errors.js';

/** Limits of one scorer (one model, one runner process). */
export interface OnnxScorerOptions {
  /** Wall-clock limit of one `score` call, all batches together, in ms. */
  readonly timeoutMs: number;
  /** Largest accepted model, in bytes; checked before the model leaves the node's process. */
  readonly maxModelBytes: number;
  /** Resident memory of the runner process above which it is killed, in bytes. Default 2 GiB. */
  readonly maxMemoryBytes?: number | undefined;
  /** Limit for starting the runner and for one `load`, in ms. Default 60 000. */
  readonly loadTimeoutMs?: number;
  /** Rows per onnxruntime run; bounds the memory one run can take. Default 4096. */
  readonly batchRows?: number;
  /** Runner entry to fork instead of the bundled `onnx-runner` (tests start one that cannot start). */
  readonly runnerUrl?: URL;
}

/** Validated options with defaults. */
export interface ScorerConfig {
  readonly timeoutMs: number;
  readonly maxModelBytes: number;
  readonly maxMemoryBytes: number;
  readonly loadTimeoutMs: number;
  readonly batchRows: number;
}

/** Default `maxMemoryBytes`: 2 GiB. */
export const DEFAULT_MAX_MEMORY_BYTES = 2 * 2 ** 30;

/** Fills defaults; throws SCORER_OPTIONS_INVALID naming every option that is not a positive integer. */
export function parseScorerOptions(options: OnnxScorerOptions): ScorerConfig {
  const config = {
    timeoutMs: options.timeoutMs,
    maxModelBytes: options.maxModelBytes,
    maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    loadTimeoutMs: options.loadTimeoutMs ?? 60_000,
    batchRows: options.batchRows ?? 4096,
  };
  const invalid = Object.entries(config).filter(
    ([, value]) => !Number.isSafeInteger(value) || value <= 0,
  );
  if (invalid.length > 0) {
    const names = invalid.map(([name]) => name).join(', ');
    throw new CentileError(
      'invalid-input',
      'SCORER_OPTIONS_INVALID',
      `options must be positive integers: ${names}`,
    );
  }
  return Object.freeze(config);
}
