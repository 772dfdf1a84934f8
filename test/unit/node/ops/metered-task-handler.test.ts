import { strict as assert } from 'node:assert';
import type { TaskHandlerDeps, TaskOutcome } from '../../../../node/core/task-handler.js';
import { MeteredTaskHandler } from '../../../../node/ops/metered-task-handler.js';

describe('node/ops/metered-task-handler', () => {
  it('reports the outcome it returns, once per task', async () => {
    // Only what the handler touches before it refuses an unsigned task.
    const deps = { now: () => 0, logUnexpected: () => undefined } as unknown as TaskHandlerDeps;
    const seen: TaskOutcome[] = [];
    const handler = new MeteredTaskHandler(deps, (o) => seen.push(o));
    const outcome = await handler.handle(
      { body: new Uint8Array(1), signature: new Uint8Array(0) },
      () => () => undefined,
    );
    assert.equal(outcome.kind, 'refused');
    assert.equal(outcome.kind === 'refused' ? outcome.code : '', 'TASK_UNSIGNED');
    assert.deepEqual(seen, [outcome]);
  });
});
