/**
 * Creating secret files safely: never overwrite, never expose a private key
 * with wider permissions even briefly, never leave a half-written file.
 */
import { lstat, open, unlink } from 'node:fs/promises';
import { CentileError } from '../benchmark/errors.js';

/** False on Windows, where files have no POSIX modes (stat always says 0666). */
export const HAS_FILE_MODES = process.platform !== 'win32';

/**
 * Creates `filePath` with exactly `mode` and writes `content`, fsynced.
 * @throws CentileError `KEY_EXISTS` when the file exists, `KEY_WRITE_FAILED` on I/O errors.
 */
export async function writeNewFile(filePath: string, content: string, mode: number): Promise<void> {
  // 'wx' fails when the file exists (no check-then-write race), and the mode
  // applies at creation, so a private key is never readable by others.
  const handle = await open(filePath, 'wx', mode).catch((cause: unknown) => {
    throw (cause as NodeJS.ErrnoException).code === 'EEXIST' ? fileExists() : writeFailed(cause);
  });
  try {
    if (HAS_FILE_MODES) await handle.chmod(mode); // the umask may have removed wanted bits
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (cause) {
    await handle.close();
    await unlink(filePath).catch(() => undefined);
    throw writeFailed(cause);
  }
  await handle.close();
}

/**
 * Writes every file or none: when one fails, those already written by this
 * call are removed again.
 * @throws CentileError `KEY_EXISTS`, `KEY_WRITE_FAILED`
 */
export async function writeNewFiles(
  files: ReadonlyArray<readonly [path: string, content: string, mode: number]>,
): Promise<void> {
  const written: string[] = [];
  try {
    for (const [filePath, content, mode] of files) {
      await writeNewFile(filePath, content, mode);
      written.push(filePath);
    }
  } catch (error) {
    await Promise.all(written.map((filePath) => unlink(filePath).catch(() => undefined)));
    throw error;
  }
}

/**
 * Refuses early, before generating anything, when any of `paths` exists.
 * @throws CentileError `KEY_EXISTS`
 */
export async function assertNoneExist(paths: readonly string[]): Promise<void> {
  for (const filePath of paths) {
    const exists = await lstat(filePath).then(
      () => true,
      () => false,
    );
    if (exists) throw fileExists();
  }
}

function fileExists(): CentileError {
  return new CentileError(
    'conflict',
    'KEY_EXISTS',
    'a key file already exists; refusing to overwrite it',
  );
}

function writeFailed(cause: unknown): CentileError {
  return new CentileError('internal', 'KEY_WRITE_FAILED', 'could not write key files', { cause });
}

/** Wraps a failure to create an output directory. */
export function directoryFailed(cause: unknown): CentileError {
  return writeFailed(cause);
}
