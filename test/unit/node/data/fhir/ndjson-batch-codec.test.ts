import { strict as assert } from 'node:assert';
import {
  decodeNdjsonBatch,
  encodeNdjsonBatch,
  transferList,
} from '../../../../../node/data/fhir/ndjson-batch-codec.js';
import { Position, Quantity } from '../../../../../node/data/fhir/fhir-codes.js';
import type { NdjsonLine } from '../../../../../node/data/fhir/parse-ndjson-range.js';

const growth = (id: string | undefined, subject: string, value: number): NdjsonLine => {
  const observation = {
    subject,
    day: 19_000 + value,
    quantity: Quantity.stature,
    position: Position.recumbent,
    value,
    estimated: value > 10,
  };
  const result = { type: 'growth', observation } as const;
  return id === undefined ? { kind: 'observation', result } : { kind: 'observation', id, result };
};

describe('node/data/fhir/ndjson-batch-codec', () => {
  it('round-trips every kind of line, in order, field by field', () => {
    const lines: NdjsonLine[] = [
      growth('o1', 'Patient/p1', 3.25),
      { kind: 'blank' },
      growth(undefined, 'urn:uuid:2f6b…', 52.5),
      { kind: 'tooLong' },
      { kind: 'malformed' },
      { kind: 'ignored', type: 'Encounter' },
      growth('ö-∑', '', Number.NaN),
      {
        kind: 'patient',
        id: 'p1',
        result: { ok: true, patient: { id: 'p1', sex: 2, birthDay: 18_000 } },
      },
      {
        kind: 'observation',
        id: 'o9',
        result: { type: 'rejected', problems: [{ field: 'status', reason: 'NOT_FINAL' }] },
      },
      { kind: 'observation', result: { type: 'ignored' } },
      growth('', 'Patient/𝄞', 14.5),
    ];
    const encoded = encodeNdjsonBatch(lines);
    assert.deepEqual(decodeNdjsonBatch(encoded), lines);
    assert.equal(encoded.others.length, 7, 'growth observations travel as columns');
  });

  it('transfers the column buffers', () => {
    const encoded = encodeNdjsonBatch([growth('a', 'Patient/b', 1)]);
    const buffers = transferList(encoded);
    assert.equal(buffers.length, 5);
    assert.ok(buffers.includes(encoded.days.buffer as ArrayBuffer));
  });

  it('encodes an empty batch', () => {
    assert.deepEqual(decodeNdjsonBatch(encodeNdjsonBatch([])), []);
  });
});
