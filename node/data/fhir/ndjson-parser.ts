/**
 * Where NDJSON ranges are parsed: for large exports on worker threads and
 * the calling thread together (JSON parsing is most of FHIR ingest and
 * spreads over cores), for small ones on the calling thread alone (a worker
 * costs more to start than they take). Either way the lines come back in
 * file order, so the cohort and its report do not depend on which was used.
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
  /**
   * Worker threads besides the calling thread, which parses its share of the
   * ranges too; 0 parses on the calling thread alone. Default: one per core
   * but one for large exports, so no core is shared by two parsers.
   */
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
  const workers = Math.min(options.workers ?? defaultWorkers(ranges), ranges.length - 1);
  const here = inProcessParser(ranges);
  if (workers <= 0) return here;
  // Every (workers + 1)-th range is parsed here: the calling thread applies
  // every line anyway and would otherwise sit idle most of the time.
  const parsedHere = (index: number): boolean => index % (workers + 1) === 0;
  const pool = new NdjsonWorkerPool(ranges, workers, (index) => !parsedHere(index));
  return {
    batches: (index) => (parsedHere(index) ? here.batches(index) : pool.batches(index)),
    close: () => pool.close(),
  };
}

/** One worker per core but one once there is more than one range's worth of data. */
function defaultWorkers(ranges: readonly NdjsonRange[]): number {
  const bytes = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  return bytes > DEFAULT_RANGE_BYTES ? Math.max(1, availableParallelism() - 1) : 0;
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
