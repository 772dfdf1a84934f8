import { strict as assert } from 'node:assert';
import {
  api,
  startFederation,
  submitModel,
  waitForNodes,
  waitForRound,
  patientStrings,
} from '../../helpers/federation-fixture.js';
import type { Federation } from '../../helpers/federation-fixture.js';

const FETCH = '/centile.v1.Federation/FetchModel';

/** The sample lines of a scrape (no HELP/TYPE comments). */
async function scrape(url: string): Promise<{ text: string; lines: string[] }> {
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { text, lines: text.split('\n').filter((l) => l !== '' && !l.startsWith('#')) };
}

function assertSeries(lines: string[], expected: string[]): void {
  for (const line of expected) assert.ok(lines.includes(line), `missing series: ${line}`);
}

describe('ops endpoints of a real coordinator and real nodes', function () {
  this.timeout(120_000);
  let fed: Federation;
  const nodeUrl = (i: number) => `http://127.0.0.1:${fed.nodes[i]?.opsPort ?? 0}`;

  before(async () => {
    fed = await startFederation(['urban', 'lowland'], 200, { nodeOps: true });
    await waitForNodes(fed, 2);
    const model = await submitModel(fed, fed.modelBytes);
    // One round the sites run, one they refuse: ρ above their per-request limit (0.25).
    for (const [rho, state] of [
      ['0.1', 'complete'],
      ['0.5', 'failed'],
    ]) {
      const round = await api<{ id: string }>(fed, 'POST', '/v1/rounds', {
        model_digest: model.digest,
        rho,
        dataset: 'growth',
      });
      assert.equal(await waitForRound(fed, round.json.id), state);
    }
  });

  after(() => fed?.close());

  it('serves /healthz and /readyz on the coordinator without a token, and still guards /v1', async () => {
    const health = await fetch(`${fed.api}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${fed.api}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, notReady: [] });
    assert.equal((await fetch(`${fed.api}/v1/nodes`)).status, 401);
  });

  it('counts rounds, tasks, releases, nodes and gRPC calls on the coordinator', async () => {
    const { lines } = await scrape(`${fed.api}/metrics`);
    assertSeries(lines, [
      'centile_rounds{state="complete"} 1',
      'centile_rounds{state="failed"} 1',
      'centile_rounds{state="running"} 0',
      'centile_tasks{state="done"} 2',
      'centile_tasks{state="refused"} 2',
      'centile_releases_accepted_total 2',
      'centile_connected_nodes 2',
      // Only the round the sites ran fetched the model, once per site.
      `centile_grpc_server_handled_total{method="${FETCH}",code="OK"} 2`,
      `centile_grpc_server_handling_seconds_count{method="${FETCH}"} 2`,
    ]);
    assert.ok(lines.some((l) => l.startsWith('process_resident_memory_bytes ')));
  });

  it('serves each node’s health, readiness and metrics on its ops port', async () => {
    for (const i of [0, 1]) {
      assert.equal((await fetch(`${nodeUrl(i)}/healthz`)).status, 200);
      const ready = await fetch(`${nodeUrl(i)}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { ready: true, notReady: [] });
      const { lines } = await scrape(`${nodeUrl(i)}/metrics`);
      assertSeries(lines, [
        'centile_node_tasks_total{outcome="release",code="none"} 1',
        'centile_node_tasks_total{outcome="refused",code="REQUEST_OVER_LIMIT"} 1',
        'centile_node_inference_seconds_count 1',
        'centile_node_budget_spent_rho{dataset="growth"} 0.1',
        'centile_node_budget_total_rho{dataset="growth"} 1',
        'centile_node_connected 1',
      ]);
    }
  });

  it('exposes no child identifier, date, operator token or node id in any metrics text', async () => {
    const texts = [
      (await scrape(`${fed.api}/metrics`)).text,
      (await scrape(`${nodeUrl(0)}/metrics`)).text,
      (await scrape(`${nodeUrl(1)}/metrics`)).text,
    ].join('\n');
    const secrets = [fed.token, ...patientStrings(fed.csvFiles)];
    assert.ok(secrets.length > 500, 'the check has strings to look for');
    assert.deepEqual(
      secrets.filter((s) => texts.includes(s)),
      [],
    );
    assert.ok(!texts.includes('site-urban'), 'no node id as a label');
  });

  it('gives every coordinator log line a component', () => {
    const lines = fed.coordinatorLog.flatMap((chunk) => chunk.split('\n').filter(Boolean));
    assert.ok(lines.length > 5, 'the check has log lines');
    const parsed = lines.map((line) => JSON.parse(line) as { component?: unknown; msg?: unknown });
    assert.deepEqual(
      parsed.filter((l) => typeof l.component !== 'string').map((l) => l.msg),
      [],
    );
  });
});
