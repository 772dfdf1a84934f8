import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { readLines } from '../../../../node/data/read-lines.js';
import type { Line } from '../../../../node/data/read-lines.js';

async function collect(chunks: string[], maxLineChars = 100): Promise<Line[]> {
  const lines: Line[] = [];
  // Readable.from yields each string as one chunk, like a stream with an encoding.
  for await (const line of readLines(Readable.from(chunks), maxLineChars)) lines.push(line);
  return lines;
}

const texts = (lines: Line[]): string[] =>
  lines.map((line) => (line.tooLong ? '<too long>' : line.text));

describe('node/data/readLines', () => {
  it('splits on LF and CRLF, across chunk boundaries', async () => {
    assert.deepEqual(texts(await collect(['a,b\r', '\nc', 'd\n', '\n', 'e\r\nf'])), [
      'a,b',
      'cd',
      '',
      'e',
      'f',
    ]);
  });

  it('does not yield an empty line after a final newline', async () => {
    assert.deepEqual(texts(await collect(['x\n'])), ['x']);
    assert.deepEqual(texts(await collect([])), []);
    assert.deepEqual(texts(await collect(['', ''])), []);
  });

  it('reports over-long lines, also when split over chunks, and resumes after them', async () => {
    const long = 'y'.repeat(11);
    assert.deepEqual(texts(await collect([`ok\n${long}\nok2`], 10)), ['ok', '<too long>', 'ok2']);
    assert.deepEqual(texts(await collect(['yyyyyy', 'yyyyyy', 'yyy\nok'], 10)), [
      '<too long>',
      'ok',
    ]);
    assert.deepEqual(texts(await collect(['yyyyyy', 'yyyyyy'], 10)), ['<too long>']);
  });

  it('accepts a line of exactly the limit, with or without CR', async () => {
    const exact = 'z'.repeat(10);
    assert.deepEqual(texts(await collect([`${exact}\r\n${exact}\n${exact}`], 10)), [
      exact,
      exact,
      exact,
    ]);
    assert.deepEqual(texts(await collect([`${exact}z\r\n`], 10)), ['<too long>']);
  });
});
