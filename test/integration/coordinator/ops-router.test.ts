import { strict as assert } from 'node:assert';
import type { Server } from 'node:http';
import express from 'express';
import { Registry } from 'prom-client';
import { createOpsRouter } from '../../../coordinator/ops/ops-router.js';

describe('the coordinator ops routes over real HTTP', () => {
  let server: Server;
  let base: string;
  const state = { sqlite: true, grpc: false };

  before(async () => {
    const app = express();
    app.use(
      createOpsRouter(new Registry(), [
        { name: 'sqlite', ready: () => state.sqlite },
        { name: 'grpc', ready: () => state.grpc },
      ]),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  after(() => new Promise((resolve) => server?.close(resolve)));

  it('answers /readyz with 503 and the names of what is not ready, 200 once all is', async () => {
    let response = await fetch(`${base}/readyz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { ready: false, notReady: ['grpc'] });
    state.grpc = true;
    state.sqlite = false;
    response = await fetch(`${base}/readyz`);
    assert.deepEqual(await response.json(), { ready: false, notReady: ['sqlite'] });
    state.sqlite = true;
    response = await fetch(`${base}/readyz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ready: true, notReady: [] });
  });

  it('serves Prometheus text on /metrics', async () => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  });
});
