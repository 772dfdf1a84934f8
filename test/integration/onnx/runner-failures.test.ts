/**
 * Failures of the runner process itself, provoked with stand-in entries:
 * V8 running out of heap, and the node dying under a busy runner.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { hasCode } from '../../../benchmark/errors.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { buildContractModel } from '../../helpers/onnx-fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when `pid` has exited (gone, or a zombie waiting for init to reap it). */
async function hasExited(pid: number): Promise<boolean> {
  try {
    return /^State:\s+Z/m.test(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

describe('runner process failures', function () {
  this.timeout(30_000);

  it('reports a runner whose JavaScript heap runs out as MODEL_MEMORY_EXCEEDED', async () => {
    const runnerUrl = new URL('./heap-exhausting-runner.ts', import.meta.url);
    // A 256 MiB heap limit (half the memory limit) is reached well before 512 MiB of RSS.
    const scorer = await OnnxScorer.create({
      timeoutMs: 20_000,
      loadTimeoutMs: 20_000,
      maxModelBytes: 1 << 20,
      maxMemoryBytes: 512 * 2 ** 20,
      runnerUrl,
    });
    try {
      await assert.rejects(scorer.load(buildContractModel(), modelContractOf(GROWTH_STATUS)), (e) =>
        hasCode(e, 'MODEL_MEMORY_EXCEEDED'),
      );
    } finally {
      await scorer.close();
    }
  });

  it('kills a runner whose node died while it was inside a native run', async function () {
    if (!existsSync('/proc/self/status')) this.skip();
    const node = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./orphaning-node.ts', import.meta.url))],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    node.stdout.setEncoding('utf8').on('data', (text: string) => (printed += text));
    const [, signal] = (await once(node, 'close')) as [number | null, NodeJS.Signals | null];
    assert.equal(signal, 'SIGKILL');
    const pid = Number(printed.trim());
    assert.ok(Number.isInteger(pid) && pid > 0);
    // Generous: the watchdog looks twice a second; this bounds a failure, not the speed.
    let exited = await hasExited(pid);
    for (let waitedMs = 0; waitedMs < 10_000 && !exited; waitedMs += 100) {
      await sleep(100);
      exited = await hasExited(pid);
    }
    // If the watchdog failed, do not leave a runner burning a core behind the test.
    if (!exited) process.kill(pid, 'SIGKILL');
    assert.ok(exited, 'the orphaned runner killed itself');
  });
});
