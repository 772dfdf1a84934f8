/**
 * Starts a worker thread from a `.js` entry, or from a `.ts` entry when
 * running from source. Node 20 does not apply the loader hooks of an
 * inherited `--import tsx` to a worker's entry module (tsx issue #354), so a
 * `.ts` entry is reached through a small bootstrap that registers tsx's hooks
 * inside the worker and then imports the entry. Compiled builds never take
 * that path, so tsx stays a development dependency.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A worker running `entry` (a file URL ending in `.js` or `.ts`) with `workerData`. */
export function spawnWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const bootstrap = [
    `const { register } = await import(${JSON.stringify(tsxRegisterUrl())});`,
    'register();',
    `await import(${JSON.stringify(entry.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData,
  });
}

/**
 * URL of the ESM build of `tsx/esm/api`. Resolved from tsx's package.json
 * because test runners may load this file as CommonJS (no
 * `import.meta.resolve`), and `require` would pick the CJS build, whose
 * `register()` cannot find its hooks when called from a worker bootstrap.
 */
function tsxRegisterUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return new URL('./dist/esm/api/index.mjs', pathToFileURL(manifest)).href;
}
