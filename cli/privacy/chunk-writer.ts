import { once } from 'node:events';

/**
 * Writes one chunk of a long output. Resolves once another chunk may follow
 * (the stream drained), with false when the reader has gone (`| head`), so the
 * producer stops instead of dying on EPIPE.
 */
export type ChunkWriter = (chunk: string) => Promise<boolean>;

/** A `ChunkWriter` over a stream such as `process.stdout`, with back-pressure. */
export function streamChunkWriter(stream: NodeJS.WritableStream): ChunkWriter {
  let closed = false;
  // Without a listener an EPIPE would be an uncaught exception with a stack trace.
  stream.on('error', (error: unknown) => {
    closed = true;
    const code = (error as { code?: string }).code ?? 'unknown';
    if (code === 'EPIPE') return;
    process.stderr.write(`error OUTPUT_FAILED: cannot write the output (${code})\n`);
    process.exitCode = 1;
  });
  return async (chunk) => {
    if (closed) return false;
    if (!stream.write(chunk)) {
      // once() rejects when 'error' comes first; the listener above has recorded it.
      await once(stream, 'drain').catch(() => undefined);
    }
    return !closed;
  };
}
