/**
 * Finds a worker entry next to the calling module: compiled to dist/ the
 * sibling is `.js`; run from source under tsx it is `.ts` (see spawnWorker).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CentileError } from '../../benchmark/errors.js';

/**
 * URL of `<stem>.js` or, failing that, `<stem>.ts` beside `baseUrl` (an
 * `import.meta.url`).
 * @throws CentileError `missingCode` when neither exists (a broken install).
 */
export function resolveWorkerUrl(baseUrl: string, stem: string, missingCode: string): URL {
  for (const extension of ['.js', '.ts']) {
    const url = new URL(`./${stem}${extension}`, baseUrl);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new CentileError('unavailable', missingCode, `the worker entry ${stem} is missing`);
}
