import { strict as assert } from 'node:assert';
import { Registry, register as globalRegistry } from 'prom-client';
import { createRational, parseRational } from '../../../../benchmark/privacy/rational.js';
import type { TaskOutcome } from '../../../../node/core/task-handler.js';
import {
  MAX_CODE_LABELS,
  createCodeLabels,
  createNodeMetrics,
  toDisplayFloat,
} from '../../../../node/ops/node-metrics.js';
import type { NodeMetricsSource } from '../../../../node/ops/node-metrics.js';

/** The sample lines of `text` (no HELP/TYPE comments). */
function samples(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

const source = (overrides: Partial<NodeMetricsSource> = {}): NodeMetricsSource => ({
  budgets: () => [{ dataset: 'growth', spentRho: 0.35, totalRho: 1 }],
  connected: () => true,
  ...overrides,
});

const release: TaskOutcome = {
  kind: 'release',
  taskId: 't1',
  release: { body: new Uint8Array(1), signature: new Uint8Array(1) },
};
const refused = (code: string): TaskOutcome => ({
  kind: 'refused',
  taskId: 't2',
  code,
  message: 'no',
});

describe('node/ops/node-metrics', () => {
  it('counts tasks by outcome and code, never by task id', async () => {
    const registry = new Registry();
    const metrics = createNodeMetrics(registry, source());
    metrics.countTask(release);
    metrics.countTask(refused('BUDGET_EXHAUSTED'));
    metrics.countTask(refused('BUDGET_EXHAUSTED'));
    metrics.countTask({ kind: 'failed', taskId: 't3', code: 'MODEL_TIMEOUT', message: 'slow' });
    metrics.countTask({ kind: 'ignored' });
    const text = await registry.metrics();
    const lines = samples(text);
    assert.ok(lines.includes('centile_node_tasks_total{outcome="release",code="none"} 1'));
    assert.ok(
      lines.includes('centile_node_tasks_total{outcome="refused",code="BUDGET_EXHAUSTED"} 2'),
    );
    assert.ok(lines.includes('centile_node_tasks_total{outcome="failed",code="MODEL_TIMEOUT"} 1'));
    assert.equal(lines.filter((l) => l.startsWith('centile_node_tasks_total')).length, 3);
    assert.ok(!text.includes('t1') && !text.includes('t2'));
  });

  it('times inference in a histogram', async () => {
    const registry = new Registry();
    const metrics = createNodeMetrics(registry, source());
    metrics.observeInferenceSeconds(0.07);
    metrics.observeInferenceSeconds(3);
    const lines = samples(await registry.metrics());
    assert.ok(lines.includes('centile_node_inference_seconds_bucket{le="0.1"} 1'));
    assert.ok(lines.includes('centile_node_inference_seconds_bucket{le="5"} 2'));
    assert.ok(lines.includes('centile_node_inference_seconds_count 2'));
  });

  it('reads budgets and the connection at scrape time', async () => {
    const registry = new Registry();
    let connected = true;
    let spent = 0.35;
    createNodeMetrics(
      registry,
      source({
        connected: () => connected,
        budgets: () => [{ dataset: 'growth', spentRho: spent, totalRho: 1 }],
      }),
    );
    let lines = samples(await registry.metrics());
    assert.ok(lines.includes('centile_node_budget_spent_rho{dataset="growth"} 0.35'));
    assert.ok(lines.includes('centile_node_budget_total_rho{dataset="growth"} 1'));
    assert.ok(lines.includes('centile_node_connected 1'));
    connected = false;
    spent = 0.5;
    lines = samples(await registry.metrics());
    assert.ok(lines.includes('centile_node_budget_spent_rho{dataset="growth"} 0.5'));
    assert.ok(lines.includes('centile_node_connected 0'));
  });

  it('drops the budget series when the ledger stops answering', async () => {
    const registry = new Registry();
    let broken = false;
    createNodeMetrics(
      registry,
      source({
        budgets: () => {
          if (broken) throw new Error('LEDGER_IO_FAILED');
          return [{ dataset: 'growth', spentRho: 0.1, totalRho: 1 }];
        },
      }),
    );
    assert.ok((await registry.metrics()).includes('centile_node_budget_spent_rho{'));
    broken = true;
    const text = await registry.metrics();
    assert.ok(!text.includes('centile_node_budget_spent_rho{'));
    assert.ok(!text.includes('centile_node_budget_total_rho{'));
  });

  it('keeps code labels bounded: malformed or beyond the first few distinct codes read OTHER', () => {
    const label = createCodeLabels(3);
    assert.equal(label('A_1'), 'A_1');
    assert.equal(label('B'), 'B');
    assert.equal(label('child 123 has weight 4.2'), 'OTHER');
    assert.equal(label(''), 'OTHER');
    assert.equal(label('C'), 'C');
    assert.equal(label('D'), 'OTHER');
    assert.equal(label('A_1'), 'A_1', 'a code seen before keeps its label');
    assert.ok(MAX_CODE_LABELS >= 20 && MAX_CODE_LABELS <= 100);
  });

  it('registers nothing on the global registry', async () => {
    createNodeMetrics(new Registry(), source());
    createNodeMetrics(new Registry(), source());
    assert.ok(!(await globalRegistry.metrics()).includes('centile_'));
  });

  it('shows exact budgets as the nearest float', () => {
    assert.equal(toDisplayFloat(parseRational('0.1')), 0.1);
    assert.equal(toDisplayFloat(parseRational('1/3')), 1 / 3);
    assert.equal(toDisplayFloat(createRational(10n ** 30n + 1n, 10n ** 31n)), 0.1);
    assert.equal(toDisplayFloat(parseRational('12.5')), 12.5);
    assert.equal(toDisplayFloat(createRational(1n, 10n ** 9n)), 1e-9);
    assert.equal(toDisplayFloat(createRational(0n)), 0);
  });
});
