import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { readDatasetLedger } from '../../../cli/budget/read-dataset-ledger.js';
import { fitDemoModel } from '../../../cli/demo/fit-demo-model.js';
import { callApi, ownerApiTarget } from '../../../cli/operator-api.js';
import type { ApiTarget } from '../../../cli/operator-api.js';
import { submitSealedModel } from '../../../cli/owner/submit-sealed-model.js';
import { writeSimCsv } from '../../../cli/write-sim-site.js';
import { READY_FILE } from '../../../coordinator/main.js';
import { initKeys, keyFilePaths } from '../../../keys/key-files.js';
import { createTlsCertificate } from '../../../keys/tls-certificate.js';
import { startNode } from '../../../node/main.js';
import type { RunningNode } from '../../../node/main.js';
import { nodeConfig, OWNER } from '../../helpers/federation-fixture.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = path.join(root, 'dist', 'cli', 'centile.js');

/** A port that was free a moment ago: the restarted coordinator must listen where nodes dial. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a coordinator process killed mid-round (SIGKILL) and restarted from its database', function () {
  this.timeout(180_000);
  let dir: string;
  let config: string;
  let coordinator: ChildProcess | undefined;
  const nodes: RunningNode[] = [];
  let owner: ApiTarget;
  const sites = ['site-urban', 'site-lowland'];

  const startCoordinator = async (): Promise<void> => {
    const stateDir = path.join(dir, 'coordinator');
    rmSync(path.join(stateDir, READY_FILE), { force: true });
    const log = openSync(path.join(dir, 'coordinator.log'), 'a');
    coordinator = spawn(process.execPath, [cli, 'coordinator', 'start', '--config', config], {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    await until(
      'the coordinator',
      () => Promise.resolve(existsSync(path.join(stateDir, READY_FILE)) ? true : undefined),
      30_000,
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}\n${readFileSync(path.join(dir, 'coordinator.log'), 'utf8')}`,
      );
    });
  };

  before(async () => {
    assert.ok(existsSync(cli), 'dist/ is missing: npm test builds it before mocha runs');
    dir = mkdtempSync(path.join(tmpdir(), 'centile-kill-'));
    const keysDir = path.join(dir, 'keys');
    await initKeys({ role: 'coordinator', name: 'coordinator', outDir: keysDir });
    await initKeys({ role: 'owner', name: OWNER, outDir: keysDir });
    for (const name of sites) await initKeys({ role: 'node', name, outDir: keysDir });
    const tls = await createTlsCertificate({
      commonName: 'test',
      hosts: ['127.0.0.1', 'localhost'],
      outDir: path.join(dir, 'tls'),
    });
    writeFileSync(path.join(dir, 'token'), randomBytes(16).toString('hex'), { mode: 0o600 });
    const [grpcPort, httpPort] = [await freePort(), await freePort()];
    config = path.join(dir, 'coordinator.json');
    writeFileSync(
      config,
      JSON.stringify({
        stateDir: 'coordinator',
        grpc: { host: '127.0.0.1', port: grpcPort },
        http: { host: '127.0.0.1', port: httpPort },
        tls: { certFile: tls.certPath, keyFile: tls.keyPath },
        keys: {
          signKeyFile: keyFilePaths(keysDir, 'coordinator').signKeyPath,
          identityFile: keyFilePaths(keysDir, 'coordinator').identityPath,
        },
        operatorTokenFile: 'token',
        nodes: sites.map((n) => keyFilePaths(keysDir, n).identityPath),
        owners: [keyFilePaths(keysDir, OWNER).identityPath],
        heartbeatIntervalMs: 500,
      }),
    );
    await startCoordinator();
    for (const [i, name] of sites.entries()) {
      const csv = path.join(dir, `${name}.csv`);
      await writeSimCsv(Object.values(SIM_SITES)[i] ?? SIM_SITES.urban, 300, 'kill', csv);
      nodes.push(
        await startNode(
          nodeConfig(dir, keysDir, name, csv, tls.certPath, grpcPort),
          pino({ level: 'silent' }),
        ),
      );
    }
    owner = await ownerApiTarget(`http://127.0.0.1:${httpPort}`, keysDir, OWNER);
  });

  after(async () => {
    coordinator?.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the round after the restart, every site counted once and charged once', async () => {
    await until('both nodes', async () => {
      const list = await callApi<{ connected: boolean }[]>(owner, 'GET', '/v1/nodes');
      return list.filter((n) => n.connected).length === 2 ? true : undefined;
    });
    const model = await submitSealedModel(owner, fitDemoModel(200, 'kill-train'), {
      name: 'baseline',
      benchmarkTask: 'growth.status/v1',
    });
    const round = await callApi<{ id: string }>(owner, 'POST', '/v1/rounds', {
      json: { model_digest: model.digest, rho: '0.05', dataset: 'growth', deadline_seconds: 120 },
    });
    // Killed as soon as the round exists: the nodes are fetching or scoring, nothing is reported yet.
    coordinator?.kill('SIGKILL');
    await new Promise((r) => coordinator?.once('exit', r));
    await startCoordinator();
    const status = await until(
      'the round to end',
      async () => {
        const { round: r, tasks } = await callApi<{
          round: { state: string };
          tasks: { nodeId: string; state: string }[];
        }>(owner, 'GET', `/v1/rounds/${round.id}`);
        return r.state === 'running' ? undefined : { state: r.state, tasks };
      },
      90_000,
    );
    assert.equal(status.state, 'complete', JSON.stringify(status.tasks));
    assert.deepEqual(
      status.tasks.map((t) => t.state),
      ['done', 'done'],
    );
    for (const name of sites) {
      const ledger = await readDatasetLedger(path.join(dir, name), 'growth');
      assert.equal(ledger.status, 'verified', name);
      if (ledger.status === 'verified')
        assert.equal(
          ledger.state.spentRho.num * 20n,
          ledger.state.spentRho.den,
          `${name} spent 1/20 once`,
        );
    }
  });
});
