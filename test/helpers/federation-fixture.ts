import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { fitDemoModel } from '../../cli/demo/fit-demo-model.js';
import { ownerApiTarget } from '../../cli/operator-api.js';
import { submitSealedModel } from '../../cli/owner/submit-sealed-model.js';
import { writeSimCsv } from '../../cli/write-sim-site.js';
import type { CoordinatorConfig } from '../../coordinator/config.js';
import { startCoordinator } from '../../coordinator/main.js';
import type { RunningCoordinator } from '../../coordinator/main.js';
import { initKeys, keyFilePaths } from '../../keys/key-files.js';
import { createTlsCertificate } from '../../keys/tls-certificate.js';
import type { NodeConfig } from '../../node/config.js';
import { startNode } from '../../node/main.js';
import type { RunningNode } from '../../node/main.js';

/** Log lines captured in memory, so tests can inspect what a process logged. */
export function captureLogger(lines: string[]): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

export interface Federation {
  readonly dir: string;
  coordinator: RunningCoordinator;
  readonly coordinatorConfig: CoordinatorConfig;
  readonly nodes: RunningNode[];
  readonly nodeConfigs: NodeConfig[];
  readonly csvFiles: string[];
  readonly modelBytes: Uint8Array;
  readonly token: string;
  /** Key folder of the registered model owner `OWNER` (`keyFilePaths(keysDir, OWNER)`). */
  readonly keysDir: string;
  readonly coordinatorLog: string[];
  api: string;
  /** Stops the coordinator and starts it again on the same gRPC port, from its database. */
  restartCoordinator(): Promise<void>;
  close(): Promise<void>;
}

/** Options of a fixture federation. */
export interface FederationOptions {
  /** Give every node an ops endpoint on 127.0.0.1:0 (its port is `nodes[i].opsPort`). */
  readonly nodeOps?: boolean;
}

/** A real coordinator and `sites` real nodes in this process, over TLS on 127.0.0.1:0. */
export async function startFederation(
  sites: (keyof typeof SIM_SITES)[],
  children = 300,
  options: FederationOptions = {},
): Promise<Federation> {
  const dir = mkdtempSync(path.join(tmpdir(), 'centile-fed-'));
  const keysDir = path.join(dir, 'keys');
  await initKeys({ role: 'coordinator', name: 'coordinator', outDir: keysDir });
  const tls = await createTlsCertificate({
    commonName: 'test',
    hosts: ['127.0.0.1', 'localhost'],
    outDir: path.join(dir, 'tls'),
  });
  const token = randomBytes(16).toString('hex');
  writeFileSync(path.join(dir, 'token'), token, { mode: 0o600 });
  const names = sites.map((s) => `site-${s}`);
  for (const name of names) await initKeys({ role: 'node', name, outDir: keysDir });
  await initKeys({ role: 'owner', name: OWNER, outDir: keysDir });
  const coordinatorConfig: CoordinatorConfig = {
    stateDir: path.join(dir, 'coordinator'),
    grpc: { host: '127.0.0.1', port: 0 },
    http: { host: '127.0.0.1', port: 0 },
    tls: { certFile: tls.certPath, keyFile: tls.keyPath },
    keys: {
      signKeyFile: keyFilePaths(keysDir, 'coordinator').signKeyPath,
      identityFile: keyFilePaths(keysDir, 'coordinator').identityPath,
    },
    operatorTokenFile: path.join(dir, 'token'),
    nodes: names.map((n) => keyFilePaths(keysDir, n).identityPath),
    owners: [keyFilePaths(keysDir, OWNER).identityPath],
    heartbeatIntervalMs: 1000,
    maxModelBytes: 10 * 1024 * 1024,
    logLevel: 'debug',
  };
  const coordinatorLog: string[] = [];
  const coordinator = await startCoordinator(coordinatorConfig, captureLogger(coordinatorLog));
  const csvFiles: string[] = [];
  const nodeConfigs: NodeConfig[] = [];
  const nodes: RunningNode[] = [];
  for (const [i, site] of sites.entries()) {
    const name = names[i] as string;
    const csv = path.join(dir, `${name}.csv`);
    mkdirSync(path.join(dir, name), { recursive: true });
    await writeSimCsv(SIM_SITES[site], children, 'fixture', csv);
    const config = {
      ...nodeConfig(dir, keysDir, name, csv, tls.certPath, coordinator.grpcPort),
      ...(options.nodeOps === true ? { ops: { host: '127.0.0.1', port: 0 } } : {}),
    };
    csvFiles.push(csv);
    nodeConfigs.push(config);
    nodes.push(await startNode(config, pino({ level: 'silent' })));
  }
  const fed: Federation = {
    dir,
    coordinator,
    coordinatorConfig,
    nodes,
    nodeConfigs,
    csvFiles,
    token,
    keysDir,
    coordinatorLog,
    modelBytes: fitDemoModel(200, 'fixture-train'),
    api: `http://127.0.0.1:${coordinator.httpPort}`,
    restartCoordinator: async () => {
      const port = fed.coordinator.grpcPort;
      await fed.coordinator.close();
      const config = { ...coordinatorConfig, grpc: { host: '127.0.0.1', port } };
      fed.coordinator = await startCoordinator(config, captureLogger(coordinatorLog));
      fed.api = `http://127.0.0.1:${fed.coordinator.httpPort}`;
    },
    close: async () => {
      await Promise.all(nodes.map((n) => n.close()));
      await fed.coordinator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fed;
}

export function nodeConfig(
  dir: string,
  keysDir: string,
  name: string,
  csv: string,
  cert: string,
  port: number,
): NodeConfig {
  return {
    name,
    stateDir: path.join(dir, name),
    coordinator: {
      address: `127.0.0.1:${port}`,
      caCertFile: cert,
      tlsServerName: 'localhost',
      identityFile: keyFilePaths(keysDir, 'coordinator').identityPath,
    },
    keys: {
      signKeyFile: keyFilePaths(keysDir, name).signKeyPath,
      boxKeyFile: keyFilePaths(keysDir, name).boxKeyPath,
      identityFile: keyFilePaths(keysDir, name).identityPath,
    },
    dataset: { name: 'growth', format: 'csv', path: csv },
    privacy: {
      totalRho: '1',
      maxRhoPerRequest: '0.25',
      maxRhoPerOwner: undefined,
      // Fixture cohorts are small: suppression has its own tests.
      minCellSize: 0,
      allowedTasks: ['growth.status/v1'],
      allowedOwners: undefined,
      publishBudget: true,
    },
    model: { maxBytes: 10 * 1024 * 1024, timeoutMs: 60_000 },
    logLevel: 'silent',
  };
}

/** The fixture's registered model owner. */
export const OWNER = 'lab-a';

/** The owner seals `model` for every enrolled node and submits it; returns the response body. */
export async function submitModel(
  fed: Federation,
  model: Uint8Array,
  name = 'baseline',
  benchmarkTask = 'growth.status/v1',
): Promise<{ digest: string; sealed_for: readonly string[] }> {
  const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
  return submitSealedModel(owner, model, { name, benchmarkTask });
}

/** Calls the operator API of a fixture federation. */
export async function api<T>(
  fed: Federation,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${fed.token}` };
  let payload: string | Uint8Array | undefined;
  if (body instanceof Uint8Array) {
    payload = body;
    headers['content-type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${fed.api}${route}`, { method, headers, body: payload ?? null });
  return { status: response.status, json: (await response.json()) as T };
}

/** Polls until every enrolled node is connected. */
export async function waitForNodes(
  fed: Federation,
  count: number,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { json } = await api<{ connected: boolean }[]>(fed, 'GET', '/v1/nodes');
    if (json.filter((n) => n.connected).length >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nodes did not connect');
}

/** Polls until the round leaves `running`. */
export async function waitForRound(
  fed: Federation,
  roundId: string,
  timeoutMs = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { json } = await api<{ round: { state: string } }>(fed, 'GET', `/v1/rounds/${roundId}`);
    if (json.round.state !== 'running') return json.round.state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('round did not finish');
}

/**
 * Child ids and dates in the sites' exports and, with `withValues`, their
 * decimal measurement values: strings no coordinator table, log or metric
 * may hold.
 */
export function patientStrings(csvFiles: readonly string[], withValues = false): Set<string> {
  const found = new Set<string>();
  for (const file of csvFiles) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [id, , birthDate, , measuredOn, , value] = line.split(',');
      for (const s of [id, birthDate, measuredOn]) if (s) found.add(s);
      if (withValues && value?.includes('.') && value.length >= 4) found.add(value);
    }
  }
  return found;
}
