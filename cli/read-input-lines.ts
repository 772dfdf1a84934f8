import { createReadStream } from 'node:fs';
import { CentileError } from '../benchmark/errors.js';
import type { Line } from '../node/data/read-lines.js';
import { readLines } from '../node/data/read-lines.js';

/** Longest input line read; a longer one is reported (`ROW_TOO_LONG`), never buffered. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * The lines of a UTF-8 text file, streamed (files of any size). A read error
 * becomes `INPUT_NOT_READABLE`; the path stays out of the message, which may
 * end up in a ticket.
 */
export function readInputLines(file: string): AsyncGenerator<Line> {
  return readLines(fileChunks(file), MAX_LINE_CHARS);
}

async function* fileChunks(file: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) yield chunk as string;
  } catch (error) {
    throw new CentileError(
      'invalid-input',
      'INPUT_NOT_READABLE',
      'The input file cannot be read.',
      {
        cause: error,
      },
    );
  }
}
