import path from 'node:path';
import { ConfigReader, deepFreeze } from '../benchmark/config-reader.js';
import { readConfigFile } from '../keys/read-config-file.js';

/** The coordinator's validated, frozen configuration. Paths are absolute. */
export interface CoordinatorConfig {
  readonly stateDir: string;
  readonly grpc: { readonly host: string; readonly port: number };
  readonly http: { readonly host: string; readonly port: number };
  readonly tls: { readonly certFile: string; readonly keyFile: string };
  readonly keys: { readonly signKeyFile: string; readonly identityFile: string };
  /** Secret as a file path, read at start-up, never a config value. */
  readonly operatorTokenFile: string;
  /** Identity files of enrolled nodes. */
  readonly nodes: readonly string[];
  /** Identity files of registered model owners (they sign their API requests and models). */
  readonly owners: readonly string[];
  readonly heartbeatIntervalMs: number;
  readonly maxModelBytes: number;
  readonly logLevel: string;
}

/** Reads and validates a coordinator config file (JSON), listing every problem at once. */
export function loadCoordinatorConfig(
  file: string,
  env: NodeJS.ProcessEnv = {},
): CoordinatorConfig {
  const dir = path.dirname(path.resolve(file));
  const c = ConfigReader.fromJsonText(readConfigFile(file), path.basename(file), (p) =>
    path.resolve(dir, p),
  );
  const grpc = c.section('grpc');
  const http = c.section('http');
  const tls = c.section('tls');
  const keys = c.section('keys');
  const config: CoordinatorConfig = {
    stateDir: c.path('stateDir'),
    grpc: { host: grpc.string('host', '127.0.0.1'), port: grpc.integer('port', 7443, 0, 65535) },
    http: { host: http.string('host', '127.0.0.1'), port: http.integer('port', 7480, 0, 65535) },
    tls: { certFile: tls.path('certFile'), keyFile: tls.path('keyFile') },
    keys: { signKeyFile: keys.path('signKeyFile'), identityFile: keys.path('identityFile') },
    operatorTokenFile: c.path('operatorTokenFile'),
    nodes: c.strings('nodes').map((p) => path.resolve(dir, p)),
    owners: c.strings('owners').map((p) => path.resolve(dir, p)),
    heartbeatIntervalMs: c.integer('heartbeatIntervalMs', 10_000, 100, 600_000),
    maxModelBytes: c.integer('maxModelBytes', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel: env.CENTILE_LOG_LEVEL ?? c.string('logLevel', 'info'),
  };
  c.finish(path.basename(file));
  return deepFreeze(config);
}
