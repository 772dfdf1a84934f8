/**
 * NDJSON lines → resource readings, in batches: the CPU-heavy half of FHIR
 * ingest (JSON.parse is most of it), free of shared state so that it runs
 * on worker threads. Batches are plain data, cheap to post between threads.
 */
import type { NdjsonRange } from './ndjson-range.js';
import { LINE_TOO_LONG, ndjsonLines } from './ndjson-lines.js';
import { readFhirResource } from './read-fhir-resource.js';
import type { FhirResourceReading } from './read-fhir-resource.js';

/** One line of an NDJSON file, read. Blank lines count as rows but hold nothing. */
export type NdjsonLine =
  FhirResourceReading | { readonly kind: 'blank' } | { readonly kind: 'tooLong' };

/** Lines per batch: large enough to amortise posting, small enough to stream. */
export const NDJSON_BATCH_LINES = 2048;

const BLANK: NdjsonLine = Object.freeze({ kind: 'blank' });
const TOO_LONG: NdjsonLine = Object.freeze({ kind: 'tooLong' });

/** The readings of every line of `range`, in order, `batchLines` at a time. */
export function* parseNdjsonRange(
  range: NdjsonRange,
  batchLines = NDJSON_BATCH_LINES,
): Generator<NdjsonLine[]> {
  let batch: NdjsonLine[] = [];
  for (const line of ndjsonLines(range)) {
    batch.push(line === LINE_TOO_LONG ? TOO_LONG : parseLine(line));
    if (batch.length === batchLines) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function parseLine(text: string): NdjsonLine {
  if (isBlank(text)) return BLANK;
  let resource: unknown;
  try {
    resource = JSON.parse(text) as unknown;
  } catch {
    resource = undefined; // not JSON: read as malformed
  }
  return readFhirResource(resource);
}

/** Blank lines (e.g. a trailing one) hold no resource; checked without trimming a copy. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
