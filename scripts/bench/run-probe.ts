/**
 * Runs a measurement script of this folder in a fresh Node process (with
 * the same TypeScript loader) and returns the JSON it prints. A fresh
 * process measures the work alone: not the harness's heap, its Sim data or
 * the garbage of earlier cases.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Runs `scripts/bench/<script>` with `args`; resolves its stdout parsed as JSON. */
export async function runProbe<T>(script: string, args: readonly string[]): Promise<T> {
  const probe = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', probe, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`${script} exited with ${String(code)}`);
  return JSON.parse(output) as T;
}
