import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ndjsonLines } from '../../../../../node/data/fhir/ndjson-lines.js';
import { splitNdjsonFile } from '../../../../../node/data/fhir/ndjson-range.js';

describe('node/data/fhir/splitNdjsonFile', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'centile-ndjson-range-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string): string => {
    const at = path.join(dir, name);
    writeFileSync(at, text);
    return at;
  };

  it('cuts at line starts into contiguous ranges whose lines are the file’s lines', async () => {
    const text = Array.from(
      { length: 500 },
      (_, i) => `{"n":${String(i)},"é":"${'z'.repeat(i % 37)}"}`,
    )
      .join('\n')
      .concat('\n');
    const at = file('many', text);
    const bytes = readFileSync(at);
    const ranges = await splitNdjsonFile(at, 256);
    assert.ok(ranges.length > 20, 'several ranges');
    assert.equal(ranges[0]?.start, 0);
    assert.equal(ranges.at(-1)?.end, bytes.length);
    ranges.forEach((range, i) => {
      if (i > 0) assert.equal(range.start, ranges[i - 1]?.end);
      if (range.start > 0) assert.equal(bytes[range.start - 1], 0x0a);
      assert.ok(range.end > range.start);
    });
    const read = ranges.flatMap((range) => [...ndjsonLines(range)]);
    assert.deepEqual(read, text.split('\n').slice(0, -1));
  });

  it('keeps a file smaller than a range, an empty file and a newline-less tail whole', async () => {
    assert.deepEqual(await splitNdjsonFile(file('small', 'a\nb\n'), 1024), [
      { path: path.join(dir, 'small'), start: 0, end: 4 },
    ]);
    assert.deepEqual(await splitNdjsonFile(file('empty', ''), 1024), [
      { path: path.join(dir, 'empty'), start: 0, end: 0 },
    ]);
    const tail = file('tail', `a\n${'b'.repeat(100)}`);
    assert.deepEqual(await splitNdjsonFile(tail, 3), [{ path: tail, start: 0, end: 102 }]);
  });
});
