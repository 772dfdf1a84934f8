import { strict as assert } from 'node:assert';
import { readByteLines } from '../../../../../node/data/csv/read-byte-lines.js';
import type { ReadInto } from '../../../../../node/data/csv/read-byte-lines.js';

/** A ReadInto over bytes in memory. */
function source(bytes: Buffer): ReadInto {
  let at = 0;
  return (buffer, offset, length) => {
    const count = bytes.copy(buffer, offset, at, Math.min(at + length, bytes.length));
    at += count;
    return Promise.resolve(count);
  };
}

/** Lines as text, `!` for a too-long line. */
async function lines(text: string, chunkBytes: number, maxLineBytes = 64): Promise<string[]> {
  const out: string[] = [];
  await readByteLines(
    source(Buffer.from(text)),
    {
      line: (buffer, start, end) => out.push(buffer.toString('utf8', start, end)),
      tooLong: () => out.push('!'),
    },
    { maxLineBytes, chunkBytes },
  );
  return out;
}

describe('node/data/csv/readByteLines', () => {
  it('splits on LF, leaving a CR to the caller, whatever the chunk size', async () => {
    const text = 'ab\ncd\r\n\nlonger line é\r\nz';
    for (let chunk = 1; chunk <= 12; chunk += 1) {
      assert.deepEqual(
        await lines(text, chunk),
        ['ab', 'cd\r', '', 'longer line é\r', 'z'],
        `chunk ${chunk}`,
      );
    }
  });

  it('yields no empty line after a final newline, and nothing for an empty source', async () => {
    assert.deepEqual(await lines('a\n', 4), ['a']);
    assert.deepEqual(await lines('a\n\n', 4), ['a', '']);
    assert.deepEqual(await lines('', 4), []);
    assert.deepEqual(await lines('\r', 4), ['\r']);
  });

  it('reports lines above the limit without holding them, then carries on', async () => {
    const long = 'x'.repeat(20);
    for (let chunk = 1; chunk <= 25; chunk += 3) {
      assert.deepEqual(
        await lines(`a\n${long}\nb\n${long}`, chunk, 8),
        ['a', '!', 'b', '!'],
        `chunk ${chunk}`,
      );
    }
  });

  it('keeps a line of exactly the limit', async () => {
    for (let chunk = 1; chunk <= 10; chunk += 1) {
      assert.deepEqual(await lines('12345678\n123456789\n12345678', chunk, 8), [
        '12345678',
        '!',
        '12345678',
      ]);
    }
  });
});
