import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../benchmark/tasks/task-definition.js';
import { initKeys, keyFilePaths } from '../../keys/key-files.js';
import { createTlsCertificate, TLS_CERT_FILE, TLS_KEY_FILE } from '../../keys/tls-certificate.js';
import { writeSimSite } from '../write-sim-site.js';
import type { DemoLayout, DemoSite } from './demo-layout.js';
import { demoTotalRho } from './demo-budgets.js';
import { DEMO_DATASET, DEMO_OWNER, demoLayout, demoModelFile } from './demo-layout.js';
import { fitDemoModels } from './fit-demo-models.js';

/** Marks a folder as the demo's own, so a rerun may delete it and nothing else. */
const MARKER = '.centile-demo';

/**
 * Malformed rows added to the first site's export, so the demo shows what a
 * node does with bad data: reports row, field and reason, and goes on.
 */
const BAD_ROWS = [
  'X-0001,M,2020-13-01,,2021-01-01,weight,9.1,kg,0\n',
  'X-0002,F,2019-05-02,,2021-03-04,weight,heavy,kg,0\n',
  'X-0003,F,2019-05-02,,2021-03-04,height,88,furlong,0\n',
];

/** A model written to the demo folder, ready to submit. */
export interface DemoModelFile {
  readonly name: string;
  /** Task key, e.g. `growth.forecast/v1`. */
  readonly task: string;
  /** Its `centile.model` metadata, e.g. `baseline/mlp`. */
  readonly kind: string;
  readonly file: string;
}

/** A prepared demo: its layout and where each site's export is. */
export interface PreparedDemo extends DemoLayout {
  readonly dataPaths: ReadonlyMap<string, string>;
}

export interface DemoOptions {
  readonly childrenPerSite: number;
  readonly seed: string;
  /** ρ each round asks of each site; sets the sites' budgets (demo-budgets.ts). */
  readonly rho: string;
}

/** Creates keys, certificate, token, Sim data and every config (models: `writeDemoModels`). */
export async function prepareDemo(
  dir: string,
  options: DemoOptions,
  step: (what: string) => void,
): Promise<PreparedDemo> {
  const layout = demoLayout(path.resolve(dir));
  resetFolder(layout.dir);
  step('keys and TLS certificate');
  await makeKeys(layout);
  step(
    `Sim data: ${layout.sites.length} sites x ${options.childrenPerSite} children (CSV, FHIR, OMOP)`,
  );
  const dataPaths = new Map<string, string>();
  for (const site of layout.sites) {
    mkdirSync(site.dataDir, { recursive: true });
    const format = site.format;
    const children = options.childrenPerSite;
    dataPaths.set(
      site.name,
      await writeSimSite(
        SIM_SITES[site.specKey],
        { children, seed: options.seed, format },
        site.dataDir,
      ),
    );
  }
  const csvSite = layout.sites.find((s) => s.format === 'csv');
  if (csvSite !== undefined) appendFileSync(dataPaths.get(csvSite.name) ?? '', BAD_ROWS.join(''));
  writeConfigs(layout, dataPaths, options.rho);
  return { ...layout, dataPaths };
}

/**
 * Fits the demo's models on Sim data from a seed the sites never use and
 * writes them to `models/`; returns them in round order.
 */
export function writeDemoModels(layout: DemoLayout, options: DemoOptions): DemoModelFile[] {
  mkdirSync(layout.modelsDir, { recursive: true });
  const fitted = fitDemoModels(Math.round(options.childrenPerSite / 2), `${options.seed}-train`);
  return fitted.map(({ name, task, kind, bytes }) => {
    const file = demoModelFile(layout, name);
    writeFileSync(file, bytes);
    return { name, task: taskKey(task), kind, file };
  });
}

function resetFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!existsSync(path.join(dir, MARKER)))
      throw new Error(`${dir} exists and is not a Centile demo folder`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, MARKER), 'created by centile demo; deleted on the next run\n');
}

async function makeKeys(layout: DemoLayout): Promise<void> {
  await initKeys({ role: 'coordinator', name: 'coordinator', outDir: layout.keysDir });
  await initKeys({ role: 'owner', name: DEMO_OWNER, outDir: layout.keysDir });
  for (const site of layout.sites)
    await initKeys({ role: 'node', name: site.name, outDir: layout.keysDir });
  await createTlsCertificate({
    commonName: 'centile-coordinator',
    hosts: ['127.0.0.1', 'localhost'],
    outDir: layout.tlsDir,
  });
  writeFileSync(layout.tokenFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
}

function writeConfigs(
  layout: DemoLayout,
  dataPaths: ReadonlyMap<string, string>,
  rho: string,
): void {
  const rel = (from: string, to: string) => path.relative(path.dirname(from), to);
  const coordinatorKeys = keyFilePaths(layout.keysDir, 'coordinator');
  const config = layout.coordinatorConfig;
  writeJson(config, {
    stateDir: rel(config, layout.coordinatorStateDir),
    grpc: { host: '127.0.0.1', port: 0 },
    http: { host: '127.0.0.1', port: 0 },
    tls: {
      certFile: rel(config, path.join(layout.tlsDir, TLS_CERT_FILE)),
      keyFile: rel(config, path.join(layout.tlsDir, TLS_KEY_FILE)),
    },
    keys: {
      signKeyFile: rel(config, coordinatorKeys.signKeyPath),
      identityFile: rel(config, coordinatorKeys.identityPath),
    },
    operatorTokenFile: rel(config, layout.tokenFile),
    nodes: layout.sites.map((s) => rel(config, keyFilePaths(layout.keysDir, s.name).identityPath)),
    owners: [rel(config, keyFilePaths(layout.keysDir, DEMO_OWNER).identityPath)],
    heartbeatIntervalMs: 5000,
  });
  for (const site of layout.sites) writeNodeConfig(layout, site, dataPaths, '127.0.0.1:0', rho);
}

/** Node configs need the coordinator's port, known only once it listens; rewritten then. */
export function writeNodeConfig(
  layout: DemoLayout,
  site: DemoSite,
  dataPaths: ReadonlyMap<string, string>,
  coordinatorAddress: string,
  rho: string,
): void {
  const rel = (to: string) => path.relative(site.dir, to);
  const keys = keyFilePaths(layout.keysDir, site.name);
  writeJson(site.config, {
    name: site.name,
    stateDir: rel(site.stateDir),
    coordinator: {
      address: coordinatorAddress,
      caCertFile: rel(path.join(layout.tlsDir, TLS_CERT_FILE)),
      tlsServerName: 'localhost',
      identityFile: rel(keyFilePaths(layout.keysDir, 'coordinator').identityPath),
    },
    keys: {
      signKeyFile: rel(keys.signKeyPath),
      boxKeyFile: rel(keys.boxKeyPath),
      identityFile: rel(keys.identityPath),
    },
    dataset: {
      name: DEMO_DATASET,
      format: site.format,
      path: rel(dataPaths.get(site.name) ?? site.dataDir),
    },
    privacy: {
      totalRho: demoTotalRho(site.name, rho),
      maxRhoPerRequest: '0.25',
      allowedTasks: TASK_CATALOG.map(taskKey),
      // Demo sites publish their remaining budget so the coordinator can show it.
      publishBudget: true,
    },
    model: { maxBytes: 50 * 1024 * 1024, timeoutMs: 120_000 },
  });
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
