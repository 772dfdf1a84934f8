import { strict as assert } from 'node:assert';
import { pino } from 'pino';
import { Counter, Registry } from 'prom-client';
import { startOpsServer } from '../../../node/ops/ops-server.js';
import type { OpsServer } from '../../../node/ops/ops-server.js';

describe('the node ops endpoint over real HTTP', () => {
  let server: OpsServer;
  let base: string;
  const state = { dataset: true, coordinator: false };

  before(async () => {
    const registry = new Registry();
    new Counter({ name: 'centile_test_total', help: 'test', registers: [registry] }).inc(3);
    server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      registry,
      checks: [
        { name: 'dataset', ready: () => state.dataset },
        { name: 'coordinator', ready: () => state.coordinator },
      ],
      log: pino({ level: 'silent' }),
    });
    base = `http://127.0.0.1:${server.port}`;
  });

  after(() => server?.close());

  it('answers /healthz while the process runs', async () => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
  });

  it('answers /readyz with 503 naming what is not ready, then 200', async () => {
    const notReady = await fetch(`${base}/readyz`);
    assert.equal(notReady.status, 503);
    assert.deepEqual(await notReady.json(), { ready: false, notReady: ['coordinator'] });
    state.coordinator = true;
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, notReady: [] });
  });

  it('serves the registry in Prometheus text format', async () => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.ok((await response.text()).includes('centile_test_total 3'));
  });

  it('serves nothing else and accepts no writes', async () => {
    assert.equal((await fetch(`${base}/`)).status, 404);
    assert.equal((await fetch(`${base}/metrics`, { method: 'POST', body: 'x' })).status, 405);
  });
});
