/**
 * A text file written line by line, in 64 KiB chunks, into a temporary
 * name that replaces the target only when everything was written: an
 * interrupted run never leaves a half-written result that looks complete.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { CentileError } from '../../benchmark/errors.js';

const CHUNK_CHARS = 64 * 1024;

/** An open output file. */
export interface LineFile {
  /** Appends one line (a newline is added). */
  write(line: string): Promise<void>;
  /** Flushes, closes and moves the file into place. */
  commit(): Promise<void>;
  /** Closes and deletes the temporary file (after a failure). */
  abort(): Promise<void>;
}

/** @throws CentileError `OUTPUT_NOT_WRITABLE` when the file cannot be created or written. */
export async function openLineFile(target: string): Promise<LineFile> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const handle = await guard(() => open(temporary, 'w'));
  let pending = '';
  const flush = async (): Promise<void> => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    await guard(() => handle.write(text));
  };
  return {
    async write(line) {
      pending += `${line}\n`;
      if (pending.length >= CHUNK_CHARS) await flush();
    },
    async commit() {
      await flush();
      await closeQuietly(handle);
      await guard(() => rename(temporary, target));
    },
    async abort() {
      await closeQuietly(handle);
      await rm(temporary, { force: true });
    },
  };
}

async function closeQuietly(handle: FileHandle): Promise<void> {
  await handle.close().catch(() => undefined);
}

async function guard<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    // The path stays out of the message (it may name a patient's folder); the cause keeps it for logs.
    throw new CentileError(
      'invalid-input',
      'OUTPUT_NOT_WRITABLE',
      'The output file cannot be written.',
      {
        cause: error,
      },
    );
  }
}
