/**
 * Small synchronous durability primitives. Synchronous on purpose: the ledger
 * must not return from reserve() before the entry is on disk, and a
 * synchronous check-then-append cannot interleave with another request of the
 * same process.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes all of `bytes` at the descriptor's position (append mode: the end). */
function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Appends `text` to an append-mode descriptor and fsyncs before returning. */
export function appendDurably(fd: number, text: string): void {
  writeFully(fd, new TextEncoder().encode(text));
  fsyncSync(fd);
}

/** fsyncs a directory so a just-created or renamed entry in it survives power loss. */
export function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

let tempCounter = 0;

/**
 * Replaces `path` with `bytes` atomically: a temp file in the same directory,
 * fsync, rename, fsync of the directory. A crash leaves the old file or the
 * new one, never a mix.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  tempCounter += 1;
  const temp = `${path}.tmp-${process.pid}-${tempCounter}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeFully(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  fsyncDirectory(dirname(path));
}
