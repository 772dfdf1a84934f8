import { strict as assert } from 'node:assert';
import { Registry, register as globalRegistry } from 'prom-client';
import { createCoordinatorMetrics } from '../../../../coordinator/ops/coordinator-metrics.js';
import type { CoordinatorMetricsSource } from '../../../../coordinator/ops/coordinator-metrics.js';
import { statusName } from '../../../../coordinator/ops/grpc-metrics-interceptor.js';
import { failingChecks } from '../../../../benchmark/readiness.js';

const FETCH = '/centile.v1.Federation/FetchModel';

function fakeSource(overrides: Partial<CoordinatorMetricsSource> = {}): CoordinatorMetricsSource {
  const counts = {
    rounds: new Map([
      ['running', 2],
      ['complete', 5],
    ]),
    // A state the code does not know must not become a series.
    tasks: new Map([
      ['done', 9],
      ['refused', 1],
      ['mystery', 4],
    ]),
  };
  return {
    countByState: (table) => counts[table],
    countReleases: () => 9,
    connectedNodes: () => 3,
    ...overrides,
  };
}

/** The sample lines of `text` (no HELP/TYPE comments). */
function samples(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('coordinator/ops/coordinator-metrics', () => {
  it('counts a handled call by method and status name, and times it by method', async () => {
    const registry = new Registry();
    const metrics = createCoordinatorMetrics(registry, fakeSource());
    metrics.observe(FETCH, statusName(0), 0.2);
    metrics.observe(FETCH, statusName(7), 0.01);
    metrics.observe(FETCH, statusName(7), 0.03);
    const lines = samples(await registry.metrics());
    assert.ok(lines.includes(`centile_grpc_server_handled_total{method="${FETCH}",code="OK"} 1`));
    assert.ok(
      lines.includes(
        `centile_grpc_server_handled_total{method="${FETCH}",code="PERMISSION_DENIED"} 2`,
      ),
    );
    assert.ok(lines.includes(`centile_grpc_server_handling_seconds_count{method="${FETCH}"} 3`));
    assert.ok(
      lines.includes(`centile_grpc_server_handling_seconds_bucket{le="0.025",method="${FETCH}"} 1`),
    );
  });

  it('reads rounds, tasks, releases and connected nodes from the source at scrape time', async () => {
    const registry = new Registry();
    let connected = 3;
    createCoordinatorMetrics(registry, fakeSource({ connectedNodes: () => connected }));
    const first = samples(await registry.metrics());
    for (const line of [
      'centile_rounds{state="running"} 2',
      'centile_rounds{state="complete"} 5',
      'centile_rounds{state="failed"} 0',
      'centile_tasks{state="done"} 9',
      'centile_tasks{state="refused"} 1',
      'centile_tasks{state="timed_out"} 0',
      'centile_releases_accepted_total 9',
      'centile_connected_nodes 3',
    ]) {
      assert.ok(first.includes(line), `missing ${line}`);
    }
    assert.equal(
      first.filter((l) => l.startsWith('centile_tasks{')).length,
      7,
      'one series per known task state',
    );
    assert.ok(!first.some((l) => l.includes('mystery')));
    connected = 1;
    assert.ok(samples(await registry.metrics()).includes('centile_connected_nodes 1'));
  });

  it('drops the store series instead of failing the scrape when the store does not answer', async () => {
    const registry = new Registry();
    const broken = () => {
      throw new Error('database is closed');
    };
    createCoordinatorMetrics(registry, fakeSource({ countByState: broken, countReleases: broken }));
    const lines = samples(await registry.metrics());
    assert.ok(!lines.some((l) => l.startsWith('centile_rounds{')));
    assert.ok(!lines.some((l) => l.startsWith('centile_tasks{')));
    assert.ok(lines.includes('centile_releases_accepted_total 0'));
    assert.ok(lines.includes('centile_connected_nodes 3'));
  });

  it('registers nothing on the global registry, so two coordinators in one process do not clash', async () => {
    createCoordinatorMetrics(new Registry(), fakeSource());
    createCoordinatorMetrics(new Registry(), fakeSource());
    assert.ok(!(await globalRegistry.metrics()).includes('centile_'));
  });

  it('names gRPC status codes as Prometheus users expect', () => {
    assert.equal(statusName(0), 'OK');
    assert.equal(statusName(1), 'CANCELLED');
    assert.equal(statusName(16), 'UNAUTHENTICATED');
    assert.equal(statusName(99), 'UNKNOWN');
  });

  it('lists the readiness checks that fail or throw', () => {
    const failing = failingChecks([
      { name: 'sqlite', ready: () => true },
      { name: 'grpc', ready: () => false },
      {
        name: 'thrower',
        ready: () => {
          throw new Error('boom');
        },
      },
    ]);
    assert.deepEqual(failing, ['grpc', 'thrower']);
  });
});
