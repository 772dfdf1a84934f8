/**
 * Packs a batch of NDJSON readings for the trip from a worker thread to the
 * reader. Structured clone rebuilds every object through a slow generic path,
 * and growth observations are nearly every line of an export, so they travel
 * as columns (typed arrays, transferred without copying, plus one string of
 * ids and references); the rare other readings travel as they are.
 */
import type { Position, Quantity } from './fhir-codes.js';
import type { NdjsonLine } from './parse-ndjson-range.js';

/** A batch as posted; `transfer` lists the buffers to move, not copy. */
export interface EncodedNdjsonBatch {
  /** Per line: 1 = the next growth observation in the columns, 0 = the next of `others`. */
  readonly isGrowth: Uint8Array;
  readonly others: NdjsonLine[];
  readonly days: Float64Array;
  readonly values: Float64Array;
  /** quantity, position, estimated (0/1) per growth observation. */
  readonly codes: Uint8Array;
  /** Per growth observation: length of its id in `text` (-1: none), then of its subject. */
  readonly lengths: Int32Array;
  readonly text: string;
}

const NO_ID = -1;

/** Encodes `lines`; post the result with `transferList(encoded)`. */
export function encodeNdjsonBatch(lines: readonly NdjsonLine[]): EncodedNdjsonBatch {
  const growthCount = lines.filter(isGrowth).length;
  const batch = {
    isGrowth: new Uint8Array(lines.length),
    others: [] as NdjsonLine[],
    days: new Float64Array(growthCount),
    values: new Float64Array(growthCount),
    codes: new Uint8Array(growthCount * 3),
    lengths: new Int32Array(growthCount * 2),
  };
  const texts: string[] = [];
  let g = 0;
  lines.forEach((line, i) => {
    if (!isGrowth(line)) {
      batch.others.push(line);
      return;
    }
    const { observation } = line.result;
    batch.isGrowth[i] = 1;
    batch.days[g] = observation.day;
    batch.values[g] = observation.value;
    batch.codes.set(
      [observation.quantity, observation.position, observation.estimated ? 1 : 0],
      g * 3,
    );
    batch.lengths[g * 2] = line.id?.length ?? NO_ID;
    batch.lengths[g * 2 + 1] = observation.subject.length;
    texts.push(line.id ?? '', observation.subject);
    g += 1;
  });
  return { ...batch, text: texts.join('') };
}

/** The buffers of `batch` to transfer with it. */
export function transferList(batch: EncodedNdjsonBatch): ArrayBuffer[] {
  return [batch.isGrowth, batch.days, batch.values, batch.codes, batch.lengths].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** The lines `encodeNdjsonBatch` was given, equal field by field. */
export function decodeNdjsonBatch(batch: EncodedNdjsonBatch): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  let other = 0;
  let g = 0;
  let at = 0;
  const take = (length: number): string => batch.text.slice(at, (at += length));
  for (const growth of batch.isGrowth) {
    if (growth === 0) {
      lines.push(batch.others[other++] as NdjsonLine);
      continue;
    }
    const idLength = batch.lengths[g * 2] as number;
    const id = idLength === NO_ID ? undefined : take(idLength);
    const observation = {
      subject: take(batch.lengths[g * 2 + 1] as number),
      day: batch.days[g] as number,
      quantity: batch.codes[g * 3] as Quantity,
      position: batch.codes[g * 3 + 1] as Position,
      value: batch.values[g] as number,
      estimated: batch.codes[g * 3 + 2] === 1,
    };
    const result = { type: 'growth', observation } as const;
    lines.push(
      id === undefined ? { kind: 'observation', result } : { kind: 'observation', id, result },
    );
    g += 1;
  }
  return lines;
}

type GrowthLine = Extract<NdjsonLine, { kind: 'observation' }> & {
  readonly result: { readonly type: 'growth' };
};

function isGrowth(line: NdjsonLine): line is GrowthLine {
  return line.kind === 'observation' && line.result.type === 'growth';
}
