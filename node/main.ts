import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { CentileError } from '../benchmark/errors.js';
import { scoreWho } from '../benchmark/growth/score-who.js';
import { parseRational } from '../benchmark/privacy/rational.js';
import type { CanonicalValue } from '../keys/canonical-json.js';
import { loadBoxKey, loadIdentity, loadSigningKey } from '../keys/key-files.js';
import { signCanonical, verifySignedMessage } from '../keys/signed-message.js';
import { boxPublicKeyBytes, signPublicKeyBytes } from '../keys/identity.js';
import type { PublicIdentity } from '../keys/identity.js';
import type { NodeConfig, PrivacyPolicyConfig } from './config.js';
import { loadNodeConfig } from './config.js';
import type { NodePolicy } from './core/node-policy.js';
import type { CohortSource, NoiseSource } from './core/ports.js';
import { readCohort } from './data/read-cohort.js';
import { FederationClient } from './grpc/federation-client.js';
import { createGrpcModelFetcher } from './grpc/grpc-fetch-model.js';
import { createOnnxModelLoader } from './onnx/onnx-model-loader.js';
import { meterModelLoader } from './ops/metered-model-loader.js';
import { MeteredTaskHandler } from './ops/metered-task-handler.js';
import { createNodeMetrics, toDisplayFloat } from './ops/node-metrics.js';
import type { BudgetDisplay, NodeMetrics } from './ops/node-metrics.js';
import { startOpsServer } from './ops/ops-server.js';
import type { ReadinessCheck } from '../benchmark/readiness.js';
import { addDiscreteGaussianNoise } from './privacy/gaussian-mechanism.js';
import { createSodiumRandomSource } from './privacy/random-source.js';
import { openDatasetLedger, refusingLedger } from './state/dataset-ledger.js';
import type { DatasetLedger } from './state/dataset-ledger.js';
import { datasetLineage } from './state/lineage-key.js';
import { createEnvelopeOpener } from './state/envelope-opener.js';
import { SeenTasksFile } from './state/seen-tasks-file.js';

export const SOFTWARE_VERSION = 'centile-node/0.1.0';

/** A running node. */
export interface RunningNode {
  /** Port of the ops endpoint (`/metrics`, `/healthz`, `/readyz`); none without `ops` in the config. */
  readonly opsPort: number | undefined;
  close(): Promise<void>;
}

/** The parts the ops endpoint reports on, filled in as start-up proceeds. */
interface NodeParts {
  cohorts?: CohortSource;
  ledger?: DatasetLedger;
  client?: FederationClient;
}

/**
 * Composition root. The ops endpoint (if configured) starts first, so
 * `/healthz` answers and `/readyz` says what is missing while the dataset
 * loads; then data, keys, ledger, model runner and the outbound connection.
 */
export async function startNode(config: NodeConfig, log: Logger): Promise<RunningNode> {
  const registry = new Registry();
  const parts: NodeParts = {};
  const metrics = createNodeMetrics(registry, {
    budgets: () => budgetDisplays(config.dataset.name, parts.ledger),
    connected: () => parts.client?.sessionToken() !== undefined,
  });
  const ops =
    config.ops &&
    (await startOpsServer({
      ...config.ops,
      registry,
      checks: readinessChecks(config.dataset.name, parts),
      log: log.child({ component: 'ops' }),
    }));
  try {
    const close = await wireNode(config, log, metrics, parts);
    return {
      opsPort: ops?.port,
      close: async () => {
        await close();
        await ops?.close();
      },
    };
  } catch (error) {
    await ops?.close();
    throw error;
  }
}

/** The node's public identity, which must carry the configured name. */
function nodeIdentity(config: NodeConfig): PublicIdentity {
  const identity = loadIdentity(config.keys.identityFile);
  if (identity.name !== config.name) {
    throw new CentileError(
      'invalid-input',
      'CONFIG_INVALID',
      "'name' does not match the name in the node's identity file",
    );
  }
  return identity;
}

/** Starts the node proper; resolves with its `close`. */
async function wireNode(
  config: NodeConfig,
  log: Logger,
  metrics: NodeMetrics,
  parts: NodeParts,
): Promise<() => Promise<void>> {
  mkdirSync(config.stateDir, { recursive: true, mode: 0o700 });
  const identity = nodeIdentity(config);
  const signKey = await loadSigningKey(config.keys.signKeyFile);
  const opener = createEnvelopeOpener({
    node: config.name,
    boxPublicKey: boxPublicKeyBytes(identity),
    boxSecretKey: await loadBoxKey(config.keys.boxKeyFile),
  });
  const coordinatorKey = signPublicKeyBytes(loadIdentity(config.coordinator.identityFile));
  const nodeLog = log.child({ component: 'node' });
  const cohorts = (parts.cohorts = await loadCohorts(config, nodeLog));
  const ledger = datasetLedger(config, cohorts.lineage(config.dataset.name), nodeLog);
  parts.ledger = ledger;
  const signer = { sign: (body: CanonicalValue) => signCanonical(body, signKey) };
  // The fetcher needs the client and the client needs the handler: a late-bound link.
  const link: { client?: FederationClient } = {};
  const handler = new MeteredTaskHandler(
    {
      ...(await taskDeps(config, link, log, metrics)),
      nodeId: config.name,
      policy: config.privacy && nodePolicy(config.privacy),
      verifier: { verify: (signed) => verifySignedMessage(signed, coordinatorKey) },
      seen: new SeenTasksFile(path.join(config.stateDir, 'seen-tasks.jsonl')),
      maxClockSkewMs: 5 * 60_000,
      ledger: () => ledger,
      cohorts,
      signer,
      opener,
    },
    (outcome) => metrics.countTask(outcome),
  );
  const client = new FederationClient({
    address: config.coordinator.address,
    caCert: readFileSync(config.coordinator.caCertFile),
    tlsServerName: config.coordinator.tlsServerName,
    nodeId: config.name,
    softwareVersion: SOFTWARE_VERSION,
    datasets: cohorts.names(),
    signer,
    handler,
    log: log.child({ component: 'federation' }),
  });
  link.client = parts.client = client;
  client.start();
  return () => {
    client.close();
    ledger.close();
    return Promise.resolve();
  };
}

/** Ready: dataset loaded, its ledger answering (not refusing), coordinator stream authenticated. */
function readinessChecks(dataset: string, parts: NodeParts): ReadinessCheck[] {
  return [
    { name: 'dataset', ready: () => parts.cohorts?.cohort(dataset) !== undefined },
    { name: 'ledger', ready: () => budgetDisplays(dataset, parts.ledger).length > 0 },
    { name: 'coordinator', ready: () => parts.client?.sessionToken() !== undefined },
  ];
}

/** The dataset's budget as floats for display, or none when its ledger refuses or is not open. */
function budgetDisplays(dataset: string, ledger: DatasetLedger | undefined): BudgetDisplay[] {
  if (ledger === undefined || ledger.failure !== undefined) return [];
  try {
    const status = ledger.status();
    return [
      {
        dataset,
        spentRho: toDisplayFloat(status.spentRho),
        totalRho: toDisplayFloat(status.totalRho),
      },
    ];
  } catch {
    // The ledger failed since it opened (e.g. LEDGER_IO_FAILED): it refuses everything now.
    return [];
  }
}

/**
 * The dataset's ledger, or one that refuses every task (and says why in the
 * log) when the node has no privacy policy or the ledger fails its checks.
 */
function datasetLedger(config: NodeConfig, lineage: string, log: Logger): DatasetLedger {
  const { stateDir, dataset, privacy } = config;
  if (privacy === undefined) {
    log.warn('no privacy policy in the config: every task will be refused');
    return refusingLedger(
      new CentileError('permission-denied', 'PRIVACY_POLICY_MISSING', 'no privacy policy'),
    );
  }
  const ledger = openDatasetLedger(stateDir, dataset.name, lineage, privacy);
  if (ledger.failure !== undefined) {
    log.error(
      { dataset: dataset.name, code: ledger.failure.code },
      'the budget ledger failed its checks: every task on this dataset will be refused',
    );
  }
  return ledger;
}

function nodePolicy(privacy: PrivacyPolicyConfig): NodePolicy {
  return {
    allowedTasks: privacy.allowedTasks,
    allowedOwners: privacy.allowedOwners,
    maxRhoPerRequest: parseRational(privacy.maxRhoPerRequest),
    minCellSize: privacy.minCellSize,
    publishBudget: privacy.publishBudget,
  };
}

/** The parts of the task pipeline that need no keys or data: model runner, fetcher, noise, clock. */
async function taskDeps(
  config: NodeConfig,
  link: { client?: FederationClient },
  log: Logger,
  metrics: NodeMetrics,
) {
  const rng = await createSodiumRandomSource();
  const taskLog = log.child({ component: 'task' });
  const noise: NoiseSource = {
    addDiscreteGaussian: (cells, sigma2) => addDiscreteGaussianNoise(cells, sigma2, rng),
  };
  return {
    fetcher: createGrpcModelFetcher({
      client: () => link.client?.client(),
      sessionToken: () => link.client?.sessionToken(),
      maxModelBytes: config.model.maxBytes,
      timeoutMs: 60_000,
    }),
    // Timed here, around the runner, so the pipeline itself is unchanged.
    models: meterModelLoader(
      createOnnxModelLoader({
        timeoutMs: config.model.timeoutMs,
        maxModelBytes: config.model.maxBytes,
        maxMemoryBytes: config.model.maxMemoryBytes,
      }),
      (seconds) => metrics.observeInferenceSeconds(seconds),
    ),
    noise,
    scoreWho,
    now: () => Date.now(),
    logUnexpected: (error: unknown) => taskLog.error({ err: error }, 'task failed unexpectedly'),
  };
}

/**
 * Reads the dataset at start-up and writes the ingest report (rows, fields and
 * reasons; never values) for hospital IT.
 */
async function loadCohorts(config: NodeConfig, log: Logger): Promise<CohortSource> {
  const { name } = config.dataset;
  const { cohort, report } = await readCohort(config.dataset.format, config.dataset.path);
  writeFileSync(
    path.join(config.stateDir, `ingest-report.${name}.json`),
    JSON.stringify(report, null, 2),
  );
  log.info(
    {
      dataset: name,
      rowsRead: report.rowsRead,
      rowsRejected: report.rowsRejected,
      problems: report.problemCounts,
    },
    'dataset loaded',
  );
  const lineage = datasetLineage(config.stateDir, name);
  return {
    names: () => [name],
    cohort: (n) => (n === name ? cohort : undefined),
    lineage: () => lineage,
  };
}

/** `centile node start --config FILE`: runs until SIGINT/SIGTERM. */
export async function nodeMain(configFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadNodeConfig(configFile, env);
  const log = pino({
    level: config.logLevel,
    base: { node: config.name },
    redact: ['*.signature', '*.secretKey', '*.token'],
  });
  const running = await startNode(config, log);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
