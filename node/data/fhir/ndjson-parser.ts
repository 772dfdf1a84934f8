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

/** Ranges the calling thread holds parsed ahead of the reader. */
const PARSED_AHEAD = 2;

/** A parser for `ranges`, on workers when `options` or the export's size call for them. */
export function createNdjsonParser(
  ranges: readonly NdjsonRange[],
  options: NdjsonParseOptions,
): NdjsonParser {
  const workers = Math.min(options.workers ?? defaultWorkers(ranges), ranges.length - 1);
  if (workers <= 0) return inProcessParser(ranges);
  return new SharedParser(ranges, new NdjsonWorkerPool(ranges, workers, false));
}

/**
 * Workers parse ranges ahead of the reader; the calling thread, which
 * applies every line anyway, parses the ranges it reaches before a worker
 * has started them, and while it waits for a worker's range it parses the
 * next free one into memory (at most `PARSED_AHEAD`). Every core stays busy
 * whatever the threads' relative speed.
 */
class SharedParser implements NdjsonParser {
  private readonly parsedAhead = new Map<number, NdjsonLine[][]>();

  constructor(
    private readonly ranges: readonly NdjsonRange[],
    private readonly pool: NdjsonWorkerPool,
  ) {}

  async *batches(index: number): AsyncGenerator<NdjsonLine[]> {
    const parsed = this.parsedAhead.get(index);
    this.parsedAhead.delete(index);
    this.pool.advance(index);
    if (parsed !== undefined) yield* parsed;
    else if (this.pool.claim(index)) yield* parseHere(this.ranges, index);
    else {
      await this.parseAheadWhileWaiting(index);
      yield* this.pool.batches(index);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async parseAheadWhileWaiting(index: number): Promise<void> {
    for (let next = index + 1; !this.pool.isDone(index); next += 1) {
      if (this.parsedAhead.size >= PARSED_AHEAD || next >= this.ranges.length) return;
      if (!this.pool.claim(next)) continue;
      const batches: NdjsonLine[][] = [];
      for await (const batch of parseHere(this.ranges, next)) batches.push(batch);
      this.parsedAhead.set(next, batches);
    }
  }
}

/** One worker per core but one once there is more than one range's worth of data. */
function defaultWorkers(ranges: readonly NdjsonRange[]): number {
  const bytes = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  return bytes > DEFAULT_RANGE_BYTES ? Math.max(1, availableParallelism() - 1) : 0;
}

/** Parses on the calling thread alone. */
function inProcessParser(ranges: readonly NdjsonRange[]): NdjsonParser {
  return { batches: (index) => parseHere(ranges, index), close: () => Promise.resolve() };
}

/** Range `index` parsed on the calling thread, yielding to the event loop between batches. */
async function* parseHere(
  ranges: readonly NdjsonRange[],
  index: number,
): AsyncGenerator<NdjsonLine[]> {
  const range = ranges[index];
  if (range === undefined) throw new RangeError(`no NDJSON range ${String(index)}`);
  for (const batch of parseNdjsonRange(range)) {
    yield batch;
    await nextTurn();
  }
}
