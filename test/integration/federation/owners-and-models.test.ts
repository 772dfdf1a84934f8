import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { STATUS_LABELS } from '../../../benchmark/tasks/growth-status-contract.js';
import { callApi, ownerApiTarget, publicApiTarget } from '../../../cli/operator-api.js';
import type { ApiTarget } from '../../../cli/operator-api.js';
import type { RoundComparison } from '../../../coordinator/core/compare-rounds.js';
import type { LeaderboardRow } from '../../../coordinator/core/leaderboard.js';
import type { RoundResults } from '../../../coordinator/core/round-results.js';
import { API_ROUTES } from '../../../coordinator/http/rest-api.js';
import { keyFilePaths, loadSigningKey } from '../../../keys/key-files.js';
import { ownerAuthorization } from '../../../keys/request-signature.js';
import {
  api,
  OWNER,
  startFederation,
  submitModel,
  waitForNodes,
  waitForRound,
} from '../../helpers/federation-fixture.js';
import type { Federation } from '../../helpers/federation-fixture.js';

/** How many sites have a stunting AUROC estimate in both rounds. */
async function sitesWithAuroc(owner: ApiTarget, a: string, b: string): Promise<number> {
  const sitesOf = async (round: string): Promise<string[]> => {
    const results = await callApi<RoundResults>(owner, 'GET', `/v1/rounds/${round}/results`);
    return results.uncertainty?.sites.stunting?.sites.map((site) => site.nodeId) ?? [];
  };
  const [first, second] = [await sitesOf(a), await sitesOf(b)];
  return first.filter((site) => second.includes(site)).length;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('model owners, sealed models and published results (real coordinator and nodes)', function () {
  this.timeout(120_000);
  let fed: Federation;
  let roundId: string;

  before(async () => {
    fed = await startFederation(['urban', 'lowland'], 1000);
    await waitForNodes(fed, 2);
    const model = await submitModel(fed, fed.modelBytes);
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    // The owner launches its own round (no operator involved).
    const round = await callApi<{ id: string }>(owner, 'POST', '/v1/rounds', {
      json: { model_digest: model.digest, rho: '0.25', dataset: 'growth' },
    });
    roundId = round.id;
    assert.equal(await waitForRound(fed, roundId), 'complete');
  });

  after(() => fed?.close());

  it("never stores or logs the model's plaintext at the coordinator, yet the nodes ran it", () => {
    // Any 64-byte window of the model would do; take several from its middle.
    const probes = [0.3, 0.5, 0.7].map((at) => {
      const start = Math.floor(fed.modelBytes.length * at);
      return Buffer.from(fed.modelBytes.subarray(start, start + 64));
    });
    const files = filesUnder(fed.coordinatorConfig.stateDir);
    assert.ok(
      files.some((f) => f.endsWith('coordinator.db')),
      'the database was scanned',
    );
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const probe of probes) assert.equal(bytes.indexOf(probe), -1, `plaintext in ${file}`);
    }
    const log = Buffer.from(fed.coordinatorLog.join(''));
    for (const probe of probes) assert.equal(log.indexOf(probe), -1, 'plaintext in the log');
  });

  it('takes models only from registered owners, as envelopes they signed', async () => {
    const asOperator = await api<{ error: { code: string } }>(
      fed,
      'POST',
      '/v1/models',
      fed.modelBytes,
    );
    assert.equal(asOperator.json.error.code, 'ROLE_NOT_ALLOWED');
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    await assert.rejects(
      callApi(owner, 'POST', '/v1/models', { bytes: fed.modelBytes }),
      (e: unknown) => (e as { code?: string }).code === 'MODEL_ENVELOPE_INVALID',
    );
  });

  it('refuses a forged, altered or replayed owner request', async () => {
    const key = await loadSigningKey(keyFilePaths(fed.keysDir, OWNER).signKeyPath);
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    const keyId = owner.owner?.keyId ?? '';
    const send = (authorization: string, route = '/v1/models') =>
      fetch(`${fed.api}${route}`, { headers: { authorization } }).then(
        async (r) => ((await r.json()) as { error?: { code: string } }).error?.code ?? 'OK',
      );
    const signed = await ownerAuthorization(keyId, key, {
      method: 'GET',
      pathWithQuery: '/v1/models',
      body: new Uint8Array(0),
      nowMs: Date.now(),
    });
    assert.equal(await send(signed, '/v1/nodes'), 'REQUEST_SIGNATURE_INVALID');
    assert.equal(await send(signed), 'OK');
    assert.equal(await send(signed), 'REQUEST_REPLAYED');
    const stale = await ownerAuthorization(keyId, key, {
      method: 'GET',
      pathWithQuery: '/v1/models',
      body: new Uint8Array(0),
      nowMs: Date.now() - 60 * 60_000,
    });
    assert.equal(await send(stale), 'REQUEST_EXPIRED');
  });

  it('keeps results private until the owner publishes them to the leaderboard', async () => {
    const anyone = publicApiTarget(fed.api);
    await assert.rejects(
      callApi(anyone, 'GET', `/v1/rounds/${roundId}/results`),
      (e: unknown) => (e as { code?: string }).code === 'ROUND_NOT_FOUND',
    );
    assert.deepEqual(await callApi(anyone, 'GET', '/v1/leaderboard'), []);
    assert.deepEqual(await callApi(anyone, 'GET', '/v1/rounds'), []);
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    await callApi(owner, 'POST', `/v1/rounds/${roundId}/publish`);
    const board = await callApi<LeaderboardRow[]>(anyone, 'GET', '/v1/leaderboard');
    assert.deepEqual(
      board.map((row) => [row.round_id, row.owner, row.task, row.metric, row.sites]),
      [[roundId, OWNER, 'growth.status/v1', 'mean_auroc', 2]],
    );
    assert.ok((board[0]?.value ?? 0) > 0.6, 'a real AUROC');
    // The mean is over the labels that are not mostly noise, and says so.
    const published = await callApi<RoundResults>(anyone, 'GET', `/v1/rounds/${roundId}/results`);
    const estimated = Object.values(published.pooled?.outputs ?? {}).filter(
      (m) => 'auroc' in m && m.auroc !== null,
    );
    assert.deepEqual(
      [board[0]?.estimated_outputs, board[0]?.outputs],
      [estimated.length, STATUS_LABELS.length],
    );
    const listed = await callApi<{ id: string }[]>(anyone, 'GET', '/v1/rounds');
    assert.deepEqual(
      listed.map((r) => r.id),
      [roundId],
    );
    const results = await callApi<{ pooled: unknown }>(
      anyone,
      'GET',
      `/v1/rounds/${roundId}/results`,
    );
    assert.notEqual(results.pooled, null);
  });

  it('compares two rounds of the same task on the sites both have: A − B with intervals', async () => {
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    const model = await submitModel(fed, fed.modelBytes);
    const second = await callApi<{ id: string }>(owner, 'POST', '/v1/rounds', {
      json: { model_digest: model.digest, rho: '0.25', dataset: 'growth' },
    });
    assert.equal(await waitForRound(fed, second.id), 'complete');
    const comparison = await callApi<RoundComparison>(
      owner,
      'GET',
      `/v1/compare?a=${roundId}&b=${second.id}`,
    );
    assert.deepEqual(comparison.sites, ['site-lowland', 'site-urban']);
    assert.equal(comparison.metric, 'auroc');
    const stunting = comparison.pooled.stunting;
    assert.ok(
      stunting && stunting.ci95[0] < stunting.difference && stunting.difference < stunting.ci95[1],
    );
    assert.match(stunting.method, /conservative/);
    // A site enters the per-site pool when both rounds give it an AUROC: the
    // urban site's few stunted children can be mostly noise in a round, and
    // then it has none.
    const both = await sitesWithAuroc(owner, roundId, second.id);
    if (both === 0) assert.equal(comparison.bySite.stunting, null);
    else assert.equal(comparison.bySite.stunting?.k, both);
  });

  it('documents every route it serves at /openapi.json', async () => {
    const document = (await (await fetch(`${fed.api}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const route of API_ROUTES) {
      const documented = document.paths[route.path.replace(/:(\w+)/g, '{$1}')];
      assert.ok(documented?.[route.method], `${route.method} ${route.path}`);
    }
  });
});
