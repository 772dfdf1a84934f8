import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { CentileError } from '../benchmark/errors.js';
import type { PublicIdentity } from '../keys/identity.js';
import { loadIdentity, loadSigningKey } from '../keys/key-files.js';
import { signCanonical, verifySignedMessage } from '../keys/signed-message.js';
import type { CoordinatorConfig } from './config.js';
import { loadCoordinatorConfig } from './config.js';
import { settleAllRounds } from './core/settle-round.js';
import type { Clock, RandomIds, SignatureVerifier, Signer } from './core/ports.js';
import { ConnectedNodes } from './grpc/connected-nodes.js';
import { createFederationHandlers } from './grpc/federation-service.js';
import { startGrpcServer } from './grpc/start-grpc-server.js';
import { createRestApi } from './http/rest-api.js';
import { createCoordinatorMetrics } from './ops/coordinator-metrics.js';
import { createGrpcMetricsInterceptor } from './ops/grpc-metrics-interceptor.js';
import { createOpsRouter } from './ops/ops-router.js';
import { SqliteStore } from './storage/sqlite-store.js';

/** A running coordinator. */
export interface RunningCoordinator {
  readonly grpcPort: number;
  readonly httpPort: number;
  close(): Promise<void>;
}

/** Name of the file written in `stateDir` once both servers listen. */
export const READY_FILE = 'coordinator.ready.json';

const clock: Clock = { now: () => Date.now() };
const ids: RandomIds = {
  id: (prefix) => `${prefix}-${randomBytes(9).toString('base64url')}`,
  nonce: () => randomBytes(24).toString('base64url'),
};
const verifier: SignatureVerifier = {
  verify: (body, signature, key) =>
    verifySignedMessage({ body, signature }, Buffer.from(key, 'base64')),
};

/** Composition root: wires storage, keys, gRPC and REST, and starts the timers. */
export async function startCoordinator(
  config: CoordinatorConfig,
  log: Logger,
): Promise<RunningCoordinator> {
  mkdirSync(config.stateDir, { recursive: true, mode: 0o700 });
  const store = new SqliteStore(path.join(config.stateDir, 'coordinator.db'));
  enrolNodes(store, config.nodes);
  const signer = await createSigner(config);
  const nodes = new ConnectedNodes();
  const serving = { grpc: false };
  const ops = createOps(store, nodes, () => serving.grpc);
  const handlers = createFederationHandlers({
    store,
    verifier,
    clock,
    ids,
    nodes,
    log: log.child({ component: 'grpc' }),
    coordinatorKeyId: signer.keyId,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
  });
  const grpcServer = await startGrpcServer({
    ...config.grpc,
    ...config.tls,
    handlers,
    interceptors: [ops.interceptor],
  });
  serving.grpc = true;
  const api = createRestApi({
    store,
    owners: registeredOwners(config.owners),
    signer,
    clock,
    ids,
    dispatcher: nodes,
    log: log.child({ component: 'http' }),
    operatorToken: readFileSync(config.operatorTokenFile, 'utf8').trim(),
    maxModelBytes: config.maxModelBytes,
    connectedNodeIds: () => nodes.ids(),
    ops: ops.router,
  });
  const http = await listen(api, config.http.host, config.http.port);
  const timers = startTimers(store, nodes, config.heartbeatIntervalMs);
  const httpPort = (http.address() as { port: number }).port;
  announce(config.stateDir, log, grpcServer.port, httpPort);
  return {
    grpcPort: grpcServer.port,
    httpPort,
    close: async () => {
      serving.grpc = false;
      timers.forEach(clearInterval);
      nodes.closeAll();
      await Promise.all([shutdown(grpcServer.server), new Promise((r) => http.close(r))]);
      store.close();
    },
  };
}

function startTimers(
  store: SqliteStore,
  nodes: ConnectedNodes,
  heartbeatIntervalMs: number,
): NodeJS.Timeout[] {
  return [
    setInterval(() => settleAllRounds(store, clock.now(), (id) => nodes.ids().includes(id)), 1000),
    setInterval(
      () => nodes.broadcast({ heartbeat: { sent_at_ms: String(clock.now()) } }),
      heartbeatIntervalMs,
    ),
  ];
}

/** Writes READY_FILE and logs the bound ports. */
function announce(stateDir: string, log: Logger, grpcPort: number, httpPort: number): void {
  writeFileSync(
    path.join(stateDir, READY_FILE),
    JSON.stringify({ grpcPort, httpPort, pid: process.pid }),
  );
  log.child({ component: 'coordinator' }).info({ grpcPort, httpPort }, 'coordinator listening');
}

/**
 * The process's one metrics registry (never prom-client's global one), the
 * gRPC interceptor that feeds it and the ops routes that serve it.
 */
function createOps(store: SqliteStore, nodes: ConnectedNodes, grpcServing: () => boolean) {
  const registry = new Registry();
  const metrics = createCoordinatorMetrics(registry, {
    countByState: (table) => store.countByState(table),
    countReleases: () => store.countReleases(),
    connectedNodes: () => nodes.ids().length,
  });
  return {
    interceptor: createGrpcMetricsInterceptor(metrics),
    router: createOpsRouter(registry, [
      { name: 'sqlite', ready: () => store.ping() },
      { name: 'grpc', ready: grpcServing },
    ]),
  };
}

function enrolNodes(store: SqliteStore, identityFiles: readonly string[]): void {
  for (const file of identityFiles) {
    const identity = loadIdentity(file);
    store.upsertNode(
      {
        id: identity.name,
        signPublicKey: identity.signPublicKey,
        boxPublicKey: identity.boxPublicKey,
      },
      clock.now(),
    );
  }
}

async function createSigner(config: CoordinatorConfig): Promise<Signer> {
  const identity = loadIdentity(config.keys.identityFile);
  const secretKey = await loadSigningKey(config.keys.signKeyFile);
  return { keyId: identity.keyId, sign: (body) => signCanonical(body, secretKey) };
}

function listen(
  app: ReturnType<typeof createRestApi>,
  host: string,
  port: number,
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}

function shutdown(server: grpc.Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.forceShutdown(), 2000);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

/** `centile coordinator start --config FILE`: runs until SIGINT/SIGTERM. */
export async function coordinatorMain(configFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadCoordinatorConfig(configFile, env);
  const log = pino({
    level: config.logLevel,
    redact: ['*.signature', '*.secretKey', '*.token', 'req.headers.authorization'],
  });
  const running = await startCoordinator(config, log);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Registered model owners by key id, from their identity files. */
function registeredOwners(files: readonly string[]): Map<string, PublicIdentity> {
  const owners = files.map((file) => loadIdentity(file));
  const notOwner = owners.find((identity) => identity.role !== 'owner');
  if (notOwner !== undefined) {
    throw new CentileError(
      'invalid-input',
      'CONFIG_INVALID',
      `'${notOwner.name}' is not an owner identity`,
    );
  }
  return new Map(owners.map((identity) => [identity.keyId, identity]));
}
