/**
 * Worker-thread entry of the NDJSON parser pool: parses each range it is
 * sent and posts the line batches, then `done` (or the I/O error code).
 */
import { parentPort } from 'node:worker_threads';
import { encodeNdjsonBatch, transferList } from './ndjson-batch-codec.js';
import type { EncodedNdjsonBatch } from './ndjson-batch-codec.js';
import type { NdjsonRange } from './ndjson-range.js';
import { parseNdjsonRange } from './parse-ndjson-range.js';

/** Pool → worker. */
export interface NdjsonRangeRequest {
  readonly index: number;
  readonly range: NdjsonRange;
}

/** Worker → pool, for the range `index`. */
export type NdjsonRangeMessage =
  | { readonly index: number; readonly batch: EncodedNdjsonBatch }
  | { readonly index: number; readonly done: true }
  /** The error code only (e.g. `EIO`): messages may hold paths. */
  | { readonly index: number; readonly failed: string };

const port = parentPort;
if (port !== null) {
  port.on('message', ({ index, range }: NdjsonRangeRequest) => {
    try {
      for (const lines of parseNdjsonRange(range)) {
        const batch = encodeNdjsonBatch(lines);
        port.postMessage({ index, batch } satisfies NdjsonRangeMessage, transferList(batch));
      }
      port.postMessage({ index, done: true } satisfies NdjsonRangeMessage);
    } catch (error) {
      port.postMessage({ index, failed: errorCode(error) } satisfies NdjsonRangeMessage);
    }
  });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'PARSE_WORKER_ERROR';
}
