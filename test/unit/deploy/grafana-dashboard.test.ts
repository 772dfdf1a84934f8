import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { createCoordinatorMetrics } from '../../../coordinator/ops/coordinator-metrics.js';
import { createNodeMetrics } from '../../../node/ops/node-metrics.js';

const DASHBOARD = new URL('../../../deploy/grafana-centile.json', import.meta.url);

interface Target {
  readonly refId?: unknown;
  readonly expr?: unknown;
}
interface Panel {
  readonly id?: unknown;
  readonly type?: unknown;
  readonly title?: unknown;
  readonly gridPos?: { readonly w?: unknown; readonly h?: unknown };
  readonly targets?: Target[];
}

/** Every series name the two processes' registries can expose (histograms with their suffixes). */
function exposedNames(): Set<string> {
  const coordinator = new Registry();
  createCoordinatorMetrics(coordinator, {
    countByState: () => new Map(),
    countReleases: () => 0,
    connectedNodes: () => 0,
  });
  const node = new Registry();
  createNodeMetrics(node, { budgets: () => [], connected: () => false });
  const names = new Set<string>();
  for (const metric of [...coordinator.getMetricsAsArray(), ...node.getMetricsAsArray()]) {
    const suffixes = metric.type.toString() === 'histogram' ? ['_bucket', '_sum', '_count'] : [''];
    for (const suffix of suffixes) names.add(`${metric.name}${suffix}`);
  }
  return names;
}

/**
 * Metric names in a PromQL expression: identifiers not followed by `(`
 * (functions) and not inside `by (...)`, label matchers or strings.
 */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const names: string[] = [];
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const next = stripped.slice((match.index ?? 0) + match[0].length).trimStart();
    if (!next.startsWith('(')) names.push(match[0]);
  }
  return names;
}

describe('deploy/grafana-centile.json', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    schemaVersion?: unknown;
    uid?: unknown;
    title?: unknown;
    panels?: Panel[];
  };
  const panels = dashboard.panels ?? [];
  const queries = panels.filter((p) => p.type !== 'row');
  const exprs = queries.flatMap((p) => (p.targets ?? []).map((t) => String(t.expr)));

  it('is a Grafana dashboard: schema version, uid, panels with unique ids and sizes', () => {
    assert.equal(typeof dashboard.schemaVersion, 'number');
    assert.equal(typeof dashboard.uid, 'string');
    assert.equal(typeof dashboard.title, 'string');
    assert.ok(queries.length >= 10);
    const ids = panels.map((p) => p.id);
    assert.ok(ids.every((id) => typeof id === 'number'));
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
    for (const panel of panels) {
      assert.equal(typeof panel.title, 'string');
      assert.equal(typeof panel.gridPos?.w, 'number');
      assert.equal(typeof panel.gridPos?.h, 'number');
    }
    for (const panel of queries) {
      const targets = panel.targets ?? [];
      assert.ok(targets.length > 0, `${String(panel.title)} has a query`);
      for (const t of targets) assert.ok(typeof t.expr === 'string' && typeof t.refId === 'string');
    }
  });

  it('queries only metrics the coordinator and node registries expose', () => {
    const exposed = exposedNames();
    const used = new Set(exprs.flatMap(metricNames));
    assert.ok(used.has('centile_grpc_server_handling_seconds_bucket'), 'the parser finds names');
    assert.deepEqual(
      [...used].filter((name) => !exposed.has(name)),
      [],
    );
  });

  it('has a panel for every centile metric', () => {
    const used = new Set(
      exprs.flatMap(metricNames).map((n) => n.replace(/_(bucket|sum|count)$/, '')),
    );
    const centile = [...exposedNames()]
      .filter((n) => n.startsWith('centile_'))
      .map((n) => n.replace(/_(bucket|sum|count)$/, ''));
    assert.deepEqual(
      [...new Set(centile)].filter((name) => !used.has(name)),
      [],
    );
  });

  it('extracts metric names from PromQL the way the checks above assume', () => {
    assert.deepEqual(
      metricNames(
        'histogram_quantile(0.95, sum by (le, method) (rate(a_bucket{code!="OK"}[$__rate_interval]))) / b',
      ),
      ['a_bucket', 'b'],
    );
  });
});
