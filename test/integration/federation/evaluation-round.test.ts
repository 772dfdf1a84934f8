import { strict as assert } from 'node:assert';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TaskMetrics } from '../../../benchmark/tasks/task-metrics.js';
import type { RoundResults } from '../../../coordinator/core/round-results.js';
import {
  api,
  startFederation,
  submitModel,
  waitForNodes,
  waitForRound,
  patientStrings,
} from '../../helpers/federation-fixture.js';
import type { Federation } from '../../helpers/federation-fixture.js';
import { buildContractModel } from '../../helpers/onnx-fixtures.js';

/** The AUROC of `label` in `metrics`, or null. */
function aurocOf(metrics: TaskMetrics | null, label: string): number | null {
  const output = metrics?.outputs[label];
  return output !== undefined && 'auroc' in output ? output.auroc : null;
}

/** All text the coordinator keeps: every table except the model bytes, as text. */
function coordinatorStoredText(fed: Federation): string {
  const db = new Database(path.join(fed.coordinatorConfig.stateDir, 'coordinator.db'), {
    readonly: true,
  });
  try {
    const tables = ['nodes', 'rounds', 'tasks', 'releases'];
    const rows = tables.flatMap(
      (t) => db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[],
    );
    const models = db.prepare('SELECT digest, name, benchmark_task FROM models').all();
    const asText = (row: Record<string, unknown>) =>
      Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
    return JSON.stringify([rows.map(asText), models]);
  } finally {
    db.close();
  }
}

describe('an evaluation round over real gRPC, TLS, SQLite and onnxruntime', function () {
  this.timeout(120_000);
  let fed: Federation;

  before(async () => {
    fed = await startFederation(['urban', 'lowland'], 1000);
    await waitForNodes(fed, 2);
  });

  after(() => fed?.close());

  it('runs a round to completion and pools the sites', async () => {
    const model = await submitModel(fed, fed.modelBytes);
    assert.deepEqual(model.sealed_for, ['site-lowland', 'site-urban']);
    const round = await api<{ id: string }>(fed, 'POST', '/v1/rounds', {
      model_digest: model.digest,
      rho: '0.25',
      dataset: 'growth',
    });
    assert.equal(round.status, 201);
    assert.equal(await waitForRound(fed, round.json.id), 'complete');
    const { json: results } = await api<RoundResults>(
      fed,
      'GET',
      `/v1/rounds/${round.json.id}/results`,
    );
    assert.deepEqual(
      results.sites.map((s) => s.state),
      ['done', 'done'],
    );
    assert.deepEqual(
      results.sites.map((s) => s.rho),
      ['1/4', '1/4'],
    );
    const siteChildren = results.sites.map((s) => s.metrics?.examples ?? 0);
    // 1000 children per site, σ = √(25/0.5) ≈ 7.1 per cell: ±60 is over 8σ.
    for (const n of siteChildren) assert.ok(Math.abs(n - 1000) < 60, `noisy count ${n}`);
    assert.ok(results.pooled !== null);
    const auroc = aurocOf(results.pooled, 'stunting');
    const interval = results.uncertainty?.pooled.stunting;
    assert.ok(interval, 'an interval for stunting');
    assert.equal(interval.estimate, auroc);
    assert.ok(interval.lower < interval.upper && interval.lower >= 0 && interval.upper <= 1);
    // About 300 stunted children against noise of SD 45 on their total: the
    // estimate may stray, but a model that ranks well is inside its interval.
    assert.ok(
      interval.upper > 0.7,
      `pooled stunting AUROC ${auroc} [${interval.lower}, ${interval.upper}]`,
    );
    // Each site with a stunting AUROC (its noisy count of stunted children
    // not mostly noise; the urban site has about 18) is in the pool.
    const withAuroc = results.sites.filter((s) => aurocOf(s.metrics, 'stunting') !== null);
    const sites = results.uncertainty?.sites.stunting;
    assert.deepEqual(
      sites?.sites.map((s) => s.nodeId),
      withAuroc.map((s) => s.nodeId),
    );
    assert.equal(sites?.randomEffects?.k ?? 0, withAuroc.length);
  });

  it('stores and logs no child identifier, birth date or raw measurement at the coordinator', () => {
    const stored = coordinatorStoredText(fed);
    const logged = fed.coordinatorLog.join('');
    const candidates = patientStrings(fed.csvFiles, true);
    assert.ok(candidates.size > 1000, 'the check has patient strings to look for');
    const leaks = [...candidates].filter((s) => stored.includes(s) || logged.includes(s));
    assert.deepEqual(leaks, []);
    assert.ok(
      stored.includes('cells') && stored.includes('site-urban'),
      'the check looked at the stored releases',
    );
  });

  it('refuses to launch a round for an unknown model, and requests without a valid credential', async () => {
    const missing = await api<{ error: { code: string } }>(fed, 'POST', '/v1/rounds', {
      model_digest: 'f'.repeat(64),
      rho: '0.1',
    });
    assert.equal(missing.json.error.code, 'MODEL_NOT_FOUND');
    const code = async (headers: Record<string, string>) => {
      const response = await fetch(`${fed.api}/v1/nodes`, { headers });
      assert.equal(response.status, 401);
      return ((await response.json()) as { error: { code: string } }).error.code;
    };
    assert.equal(await code({}), 'AUTH_REQUIRED');
    assert.equal(await code({ authorization: 'Bearer wrong' }), 'OPERATOR_TOKEN_INVALID');
  });

  it('refuses a model whose inputs do not match the task, and the nodes keep serving', async () => {
    const bad = await submitModel(fed, buildContractModel('input-columns'), 'wrong');
    const round = await api<{ id: string }>(fed, 'POST', '/v1/rounds', {
      model_digest: bad.digest,
      rho: '0.01',
      dataset: 'growth',
    });
    assert.equal(await waitForRound(fed, round.json.id), 'failed');
    const { json } = await api<RoundResults>(fed, 'GET', `/v1/rounds/${round.json.id}/results`);
    assert.deepEqual(
      json.sites.map((s) => [s.state, s.errorCode]),
      [
        ['refused', 'MODEL_INPUT_MISMATCH'],
        ['refused', 'MODEL_INPUT_MISMATCH'],
      ],
    );
    assert.equal(json.pooled, null);
    await waitForNodes(fed, 2);
    const good = await submitModel(fed, fed.modelBytes);
    const next = await api<{ id: string }>(fed, 'POST', '/v1/rounds', {
      model_digest: good.digest,
      rho: '0.01',
      dataset: 'growth',
    });
    assert.equal(await waitForRound(fed, next.json.id), 'complete');
  });
});
