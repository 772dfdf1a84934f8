/**
 * Starts the ONNX runner as a child process. A compiled build forks the
 * `.js` entry as it is; from source the entry is `.ts`, so the child is
 * started with tsx's loader (`--import`), resolved to an absolute URL
 * because the node's working directory need not be the project's. Compiled
 * builds never take that path, so tsx stays a development dependency.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How the runner process is started. */
export interface ForkRunnerOptions {
  /** V8 old-space limit of the child, in MiB (`--max-old-space-size`). */
  readonly heapLimitMiB: number;
}

/**
 * A child running `entry` (a file URL ending in `.js` or `.ts`) with an
 * IPC channel using advanced serialisation, so typed arrays cross as typed
 * arrays. Its environment is empty (it needs nothing from the node's, which
 * may name secrets), stdout is discarded and stderr piped for the caller to
 * read, since onnxruntime and V8 write their last words there.
 */
export function forkRunner(entry: URL, options: ForkRunnerOptions): ChildProcess {
  const loader = entry.pathname.endsWith('.ts') ? ['--import', tsxLoaderUrl()] : [];
  return fork(fileURLToPath(entry), [], {
    execArgv: [`--max-old-space-size=${options.heapLimitMiB}`, ...loader],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {},
  });
}

/** URL of tsx's loader (the package's `.` export), resolved from its package.json. */
function tsxLoaderUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return new URL('./dist/loader.mjs', pathToFileURL(manifest)).href;
}
