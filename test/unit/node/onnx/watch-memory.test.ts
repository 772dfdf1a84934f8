import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { MEMORY_POLL_MS, readRssBytes, watchMemory } from '../../../../node/onnx/watch-memory.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchMemory', function () {
  before(function () {
    // The guard reads /proc; where there is none it is documented as inert.
    if (!existsSync(`/proc/${process.pid}/status`)) this.skip();
  });

  it('reads the resident memory of a process, and nothing for one that does not exist', async () => {
    const rss = await readRssBytes(process.pid);
    assert.ok(rss !== undefined && rss > 1024 * 1024 && rss <= process.memoryUsage().rss * 2);
    assert.equal(await readRssBytes(2 ** 31 - 1), undefined);
  });

  it('reports a process above its limit exactly once, then stops polling', async () => {
    let reports = 0;
    const exceeded = new Promise<void>((resolve) => {
      watchMemory(process.pid, 1, () => {
        reports += 1;
        resolve();
      });
    });
    await exceeded;
    await sleep(MEMORY_POLL_MS * 4);
    assert.equal(reports, 1);
  });

  it('stays quiet below the limit, and after it is stopped', async () => {
    let reports = 0;
    const stopBelow = watchMemory(process.pid, Number.MAX_SAFE_INTEGER, () => (reports += 1));
    const stopped = watchMemory(process.pid, 1, () => (reports += 1));
    stopped();
    await sleep(MEMORY_POLL_MS * 4);
    stopBelow();
    assert.equal(reports, 0);
  });
});
