import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { CentileError } from '../../../benchmark/errors.js';
import { toServiceError } from '../../../coordinator/grpc/grpc-errors.js';
import { startGrpcServer } from '../../../coordinator/grpc/start-grpc-server.js';
import type { GrpcServerMetrics } from '../../../coordinator/ops/coordinator-metrics.js';
import { createGrpcMetricsInterceptor } from '../../../coordinator/ops/grpc-metrics-interceptor.js';
import { createTlsCertificate } from '../../../keys/tls-certificate.js';
import type { FederationClient } from '../../../proto/gen/centile/v1/Federation.js';
import type { NodeMessage__Output } from '../../../proto/gen/centile/v1/NodeMessage.js';
import { loadFederationProto } from '../../../proto/load-federation.js';

interface Recorded {
  readonly method: string;
  readonly code: string;
  readonly seconds: number;
}

/** A recorder whose `next()` resolves with the next recorded call. */
function recordingMetrics(): GrpcServerMetrics & { next(): Promise<Recorded>; all: Recorded[] } {
  const all: Recorded[] = [];
  const waiting: ((r: Recorded) => void)[] = [];
  let read = 0;
  return {
    all,
    observe: (method, code, seconds) => {
      all.push({ method, code, seconds });
      waiting.shift()?.(all[read++] as Recorded);
    },
    next: () =>
      read < all.length
        ? Promise.resolve(all[read++] as Recorded)
        : new Promise((resolve) => waiting.push(resolve)),
  };
}

describe('the gRPC metrics interceptor on the real TLS server', function () {
  this.timeout(30_000);
  let dir: string;
  let server: grpc.Server;
  let client: FederationClient;
  const metrics = recordingMetrics();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'centile-grpc-metrics-'));
    const tls = await createTlsCertificate({
      commonName: 'test',
      hosts: ['127.0.0.1', 'localhost'],
      outDir: dir,
    });
    const started = await startGrpcServer({
      host: '127.0.0.1',
      port: 0,
      certFile: tls.certPath,
      keyFile: tls.keyPath,
      interceptors: [createGrpcMetricsInterceptor(metrics)],
      handlers: {
        FetchModel: (call) => {
          if (call.request.task_id === 'allowed') call.end();
          else
            call.emit(
              'error',
              toServiceError(new CentileError('permission-denied', 'NOPE', 'not yours')),
            );
        },
        // Like the real one: a challenge first, then read until the node half-closes;
        // a stream that sent a heartbeat is left unanswered, to be cancelled.
        Connect: (stream) => {
          let answer = true;
          stream.write({ challenge: { nonce: Buffer.alloc(32), coordinator_key_id: 'k' } });
          stream.on('data', (message: NodeMessage__Output) => {
            if (message.kind === 'heartbeat') answer = false;
          });
          stream.on('end', () => {
            if (answer) stream.end();
          });
        },
      },
    });
    server = started.server;
    const Federation = loadFederationProto().centile.v1.Federation;
    client = new Federation(
      `127.0.0.1:${started.port}`,
      grpc.credentials.createSsl(readFileSync(tls.certPath)),
      { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' },
    );
  });

  after(() => {
    client?.close();
    server?.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function fetchModel(taskId: string): Promise<grpc.status> {
    return new Promise((resolve) => {
      const call = client.FetchModel(
        { session_token: 't', task_id: taskId, model_digest: 'd' },
        { deadline: Date.now() + 10_000 },
      );
      call.on('data', () => undefined);
      call.on('error', (error: grpc.ServiceError) => resolve(error.code));
      call.on('status', (status: grpc.StatusObject) => resolve(status.code));
    });
  }

  it('records a call with the status the server sent, once, under its full method path', async () => {
    assert.equal(await fetchModel('allowed'), grpc.status.OK);
    const ok = await metrics.next();
    assert.equal(ok.method, '/centile.v1.Federation/FetchModel');
    assert.equal(ok.code, 'OK');
    assert.ok(ok.seconds >= 0);
    assert.equal(await fetchModel('other'), grpc.status.PERMISSION_DENIED);
    assert.equal((await metrics.next()).code, 'PERMISSION_DENIED');
  });

  it('records a stream the handler ends as OK, and one cancelled before any status as CANCELLED', async () => {
    const ended = client.Connect();
    ended.on('data', () => undefined);
    ended.on('error', () => undefined);
    ended.end();
    const first = await metrics.next();
    assert.deepEqual([first.method, first.code], ['/centile.v1.Federation/Connect', 'OK']);
    const cancelled = client.Connect();
    cancelled.on('error', () => undefined);
    cancelled.write({ heartbeat: { sent_at_ms: '1' } });
    // Cancel only once the server has the call (its challenge arrived), so it sees a cancellation.
    await new Promise((resolve) => cancelled.once('data', resolve));
    cancelled.cancel();
    const second = await metrics.next();
    assert.deepEqual([second.method, second.code], ['/centile.v1.Federation/Connect', 'CANCELLED']);
    assert.equal(metrics.all.length, 4, 'each call recorded exactly once');
  });
});
