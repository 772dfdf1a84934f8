/** Small timing helpers for the benchmark cases. */

/** The median of `runs` timings (ms) of `work`, after `warmups` untimed runs (JIT, caches). */
export async function medianMs(
  work: () => Promise<unknown>,
  runs: number,
  warmups = 1,
): Promise<number> {
  for (let i = 0; i < warmups; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
