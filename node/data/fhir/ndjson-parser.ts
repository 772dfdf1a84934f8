/**
 * Where NDJSON ranges are parsed: on worker threads for large exports (JSON
 * parsing is most of FHIR ingest and spreads over cores), on the calling
 * thread for small ones (a worker costs more to start than they take).
 * Either way the lines come back in file order, so the cohort and its
 * report do not depend on which was used.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NdjsonRange } from './ndjson-range.js';
import { NdjsonWorkerPool } from './ndjson-worker-pool.js';
import { parseNdjsonRange } from './parse-ndjson-range.js';
import type { NdjsonLine } from './parse-ndjson-range.js';

/** Parsed ranges, handed out in order. */
export interface NdjsonParser {
  /** The line batches of `ranges[index]`, in order; ask for ranges in increasing order. */
  batches(index: number): AsyncIterable<NdjsonLine[]>;
  close(): Promise<void>;
}

/** How NDJSON is parsed; the defaults suit a node, tests force the paths. */
export interface NdjsonParseOptions {
  /** Worker threads; 0 parses on the calling thread. Default: one per core for large exports. */
  readonly workers?: number;
  /** Bytes per range handed to a worker (default 8 MiB). */
  readonly rangeBytes?: number;
}

export const DEFAULT_RANGE_BYTES = 8 * 1024 * 1024;

/** A parser for `ranges`, on workers when `options` or the export's size call for them. */
export function createNdjsonParser(
  ranges: readonly NdjsonRange[],
  options: NdjsonParseOptions,
): NdjsonParser {
  const workers = Math.min(options.workers ?? defaultWorkers(ranges), ranges.length);
  return workers > 0 ? new NdjsonWorkerPool(ranges, workers) : inProcessParser(ranges);
}

/** One worker per core once there is more than one range's worth of data. */
function defaultWorkers(ranges: readonly NdjsonRange[]): number {
  const bytes = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  return bytes > DEFAULT_RANGE_BYTES ? availableParallelism() : 0;
}

/** Parses on the calling thread, yielding to the event loop between batches. */
function inProcessParser(ranges: readonly NdjsonRange[]): NdjsonParser {
  return {
    async *batches(index: number): AsyncGenerator<NdjsonLine[]> {
      const range = ranges[index];
      if (range === undefined) throw new RangeError(`no NDJSON range ${String(index)}`);
      for (const batch of parseNdjsonRange(range)) {
        yield batch;
        await nextTurn();
      }
    },
    close: () => Promise.resolve(),
  };
}
