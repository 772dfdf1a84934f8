import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LINE_TOO_LONG, ndjsonLines } from '../../../../../node/data/fhir/ndjson-lines.js';

describe('node/data/fhir/ndjsonLines', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'centile-ndjson-lines-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: string | Buffer): string => {
    const at = path.join(dir, name);
    writeFileSync(at, bytes);
    return at;
  };
  const lines = (at: string, start: number, end: number, max?: number): unknown[] => [
    ...ndjsonLines({ path: at, start, end }, max),
  ];
  const whole = (at: string, text: string | Buffer, max?: number): unknown[] =>
    lines(at, 0, Buffer.byteLength(text), max);

  it('splits LF and CRLF lines, keeps blank ones, reads a last line without newline', () => {
    const text = 'a\r\nb\n\n c \r\nlast';
    assert.deepEqual(whole(file('mixed', text), text), ['a', 'b', '', ' c ', 'last']);
  });

  it('yields nothing after a final newline, and nothing for an empty range', () => {
    const text = 'a\nb\n';
    const at = file('final', text);
    assert.deepEqual(whole(at, text), ['a', 'b']);
    assert.deepEqual(lines(at, 2, 2), []);
  });

  it('drops a byte order mark at the start of the file only', () => {
    const text = '\uFEFFa\n\uFEFFb\n';
    const at = file('bom', text);
    assert.deepEqual(whole(at, text), ['a', '\uFEFFb']);
    const second = Buffer.byteLength('\uFEFFa\n');
    assert.deepEqual(lines(at, second, Buffer.byteLength(text)), ['\uFEFFb']);
  });

  it('reads only its range, decoding multi-byte characters whole', () => {
    const text = 'é1\n€2\n𝄞3\n';
    const at = file('utf8', text);
    const cut = Buffer.byteLength('é1\n');
    assert.deepEqual(lines(at, 0, cut), ['é1']);
    assert.deepEqual(lines(at, cut, Buffer.byteLength(text)), ['€2', '𝄞3']);
  });

  it('accepts a line of exactly the limit and rejects one byte more, then carries on', () => {
    const text = 'abcd\nabcde\r\nab\nabcdef';
    assert.deepEqual(whole(file('limit', text), text, 4), [
      'abcd',
      LINE_TOO_LONG,
      'ab',
      LINE_TOO_LONG,
    ]);
  });

  it('reads lines longer than a read chunk, and skips over-long ones spanning many chunks', () => {
    const long = 'x'.repeat(3 * 1024 * 1024 + 17);
    const text = `${long}\nshort\n${'y'.repeat(5 * 1024 * 1024)}\nend`;
    const read = whole(file('long', text), text, 4 * 1024 * 1024);
    assert.equal(read.length, 4);
    assert.equal(read[0], long);
    assert.deepEqual(read.slice(1), ['short', LINE_TOO_LONG, 'end']);
  });
});
