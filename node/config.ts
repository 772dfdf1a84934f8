import path from 'node:path';
import { ConfigReader, deepFreeze } from '../benchmark/config-reader.js';
import { parseRational } from '../benchmark/privacy/rational.js';
import { readConfigFile } from '../keys/read-config-file.js';
import type { DataFormat } from './data/read-cohort.js';
import { isDataFormat } from './data/read-cohort.js';

/** The node's validated, frozen configuration. Paths are absolute. */
export interface NodeConfig {
  /** Node id: must equal the name in the node's identity file. */
  readonly name: string;
  readonly stateDir: string;
  readonly coordinator: {
    readonly address: string;
    readonly caCertFile: string;
    /** Name to verify in the coordinator's certificate when `address` is an IP (e.g. `localhost`). */
    readonly tlsServerName: string | undefined;
    /** The pinned coordinator identity: tasks signed by any other key are refused. */
    readonly identityFile: string;
  };
  /** Ed25519 key to sign releases, X25519 key to open model envelopes, public identity. */
  readonly keys: {
    readonly signKeyFile: string;
    readonly boxKeyFile: string;
    readonly identityFile: string;
  };
  readonly dataset: { readonly name: string; readonly format: DataFormat; readonly path: string };
  /** The site's privacy policy; without one the node refuses every task. */
  readonly privacy: PrivacyPolicyConfig | undefined;
  /**
   * Limits of the model runner (node/onnx/README.md). `maxMemoryBytes` (RSS of
   * its process) is always set here; optional so hand-built configs compile.
   */
  readonly model: {
    readonly maxBytes: number;
    readonly timeoutMs: number;
    readonly maxMemoryBytes?: number;
  };
  readonly logLevel: string;
  /**
   * The local ops endpoint (`/metrics`, `/healthz`, `/readyz`); no HTTP server
   * at all when absent. Loopback by default: it is for the site's own
   * monitoring. Optional so hand-built configs compile.
   */
  readonly ops?: OpsConfig;
}

/** Where the node's ops endpoint listens; port 0 picks a free port (tests). */
export interface OpsConfig {
  readonly host: string;
  readonly port: number;
}

/** Default port of the ops endpoint (the one OpenTelemetry's Prometheus exporter uses). */
export const DEFAULT_OPS_PORT = 9464;

/**
 * What hospital IT allows, as written in the config: amounts of zCDP ρ as
 * exact decimals (parsed to rationals by the privacy engine).
 */
export interface PrivacyPolicyConfig {
  /** Lifetime budget of the dataset. */
  readonly totalRho: string;
  readonly maxRhoPerRequest: string;
  /** Lifetime budget one model owner may spend on the dataset; no limit when absent. */
  readonly maxRhoPerOwner: string | undefined;
  /** Released subgroup cells whose noisy count is below this are suppressed. */
  readonly minCellSize: number;
  /** Benchmark tasks with version, e.g. `growth.status/v1`. */
  readonly allowedTasks: readonly string[];
  /** Model owners allowed to evaluate here; any owner when absent. */
  readonly allowedOwners: readonly string[] | undefined;
  /** Whether releases tell the coordinator the dataset's remaining budget. */
  readonly publishBudget: boolean;
}

/** The usual minimum cell size of health-data disclosure rules (e.g. CMS: no cell under 11). */
export const DEFAULT_MIN_CELL_SIZE = 11;

/** Reads and validates a node config file (JSON), listing every problem at once. */
export function loadNodeConfig(file: string, env: NodeJS.ProcessEnv = {}): NodeConfig {
  const dir = path.dirname(path.resolve(file));
  const c = ConfigReader.fromJsonText(readConfigFile(file), path.basename(file), (p) =>
    path.resolve(dir, p),
  );
  const coordinator = c.section('coordinator');
  const keys = c.section('keys');
  const dataset = c.section('dataset');
  const model = c.section('model');
  const config: NodeConfig = {
    name: c.string('name'),
    stateDir: c.path('stateDir'),
    coordinator: {
      address: coordinator.string('address'),
      caCertFile: coordinator.path('caCertFile'),
      tlsServerName: coordinator.optionalString('tlsServerName'),
      identityFile: coordinator.path('identityFile'),
    },
    keys: readKeys(keys),
    dataset: {
      name: dataset.string('name', 'default'),
      format: readFormat(dataset),
      path: dataset.path('path'),
    },
    privacy: c.has('privacy') ? readPrivacyPolicy(c.section('privacy')) : undefined,
    model: {
      maxBytes: model.integer('maxBytes', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      timeoutMs: model.integer('timeoutMs', 120_000, 100, 3_600_000),
      maxMemoryBytes: model.integer(
        'maxMemoryBytes',
        2 * 1024 ** 3,
        256 * 1024 ** 2,
        64 * 1024 ** 3,
      ),
    },
    logLevel: env.CENTILE_LOG_LEVEL ?? c.string('logLevel', 'info'),
    ...(c.has('ops') ? { ops: readOps(c.section('ops')) } : {}),
  };
  c.finish(path.basename(file));
  return deepFreeze(config);
}

function readOps(ops: ConfigReader): OpsConfig {
  return {
    host: ops.string('host', '127.0.0.1'),
    port: ops.integer('port', DEFAULT_OPS_PORT, 0, 65535),
  };
}

/**
 * The key files. `boxKeyFile` defaults to the one `centile keys init` writes
 * beside the signing key (`NAME.sign.key` → `NAME.box.key`).
 */
function readKeys(keys: ConfigReader): NodeConfig['keys'] {
  const signKeyFile = keys.path('signKeyFile');
  const besideSignKey = signKeyFile.replace(/\.sign\.key$/, '.box.key');
  const boxKeyFile =
    keys.has('boxKeyFile') || besideSignKey === signKeyFile
      ? keys.path('boxKeyFile')
      : besideSignKey;
  return { signKeyFile, boxKeyFile, identityFile: keys.path('identityFile') };
}

function readPrivacyPolicy(privacy: ConfigReader): PrivacyPolicyConfig {
  const policy = {
    totalRho: privacy.string('totalRho'),
    maxRhoPerRequest: privacy.string('maxRhoPerRequest'),
    maxRhoPerOwner: privacy.optionalString('maxRhoPerOwner'),
    minCellSize: privacy.integer('minCellSize', DEFAULT_MIN_CELL_SIZE, 0, 1_000_000),
    allowedTasks: privacy.strings('allowedTasks'),
    allowedOwners: privacy.optionalStrings('allowedOwners'),
    publishBudget: privacy.boolean('publishBudget', false),
  };
  for (const key of ['totalRho', 'maxRhoPerRequest', 'maxRhoPerOwner'] as const) {
    const value = policy[key];
    if (value !== undefined && !isPositiveRational(value))
      privacy.problems.push(
        `'privacy.${key}' must be an exact positive number such as "0.5" or "1/20"`,
      );
  }
  return policy;
}

function isPositiveRational(text: string): boolean {
  try {
    return parseRational(text).num > 0n;
  } catch {
    return false;
  }
}

function readFormat(dataset: ConfigReader): DataFormat {
  const format = dataset.string('format', 'csv');
  if (isDataFormat(format)) return format;
  dataset.problems.push("'format' must be csv, fhir or omop");
  return 'csv';
}
