import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CentileError } from '../../benchmark/errors.js';
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import { READY_FILE } from '../../coordinator/main.js';
import { apiTarget, callApi, ownerApiTarget } from '../operator-api.js';
import type { ApiTarget } from '../operator-api.js';
import type { DemoLayout } from './demo-layout.js';
import type { DemoModelFile, DemoOptions, PreparedDemo } from './prepare-demo.js';
import { DEMO_DATASET, DEMO_OWNER } from './demo-layout.js';
import { DemoProcesses, sleep, waitForJsonFile } from './demo-processes.js';
import { prepareDemo, writeDemoModels, writeNodeConfig } from './prepare-demo.js';
import { ledgerLines } from './ledger-lines.js';
import { runDemoRounds } from './run-demo-rounds.js';
import type { DemoRound } from './run-demo-rounds.js';

type Out = (line: string) => void;

/**
 * `centile demo [--once]`: a whole federation on this machine — keys, Sim
 * data, a coordinator and three hospital nodes as separate processes on
 * loopback — then one evaluation round per reference model (one per catalog
 * task, and a deliberately biased growth.status model) through the operator
 * API, and each round's cross-site table.
 */
export async function runDemo(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      once: { type: 'boolean', default: false },
      dir: { type: 'string', default: '.centile-demo' },
      children: { type: 'string', default: '3000' },
      rho: { type: 'string', default: '0.05' },
    },
  });
  const started = Date.now();
  const step = (what: string) =>
    out(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${what}`);
  const options = {
    childrenPerSite: Number(values.children),
    seed: 'centile-demo',
    rho: values.rho,
  };
  const layout = await prepareDemo(values.dir, options, step);
  const processes = new DemoProcesses();
  const stop = () => void processes.stopAll().then(() => process.exit(0));
  process.once('SIGINT', stop);
  let shown: Evaluated;
  try {
    shown = await evaluate({ layout, options, processes, step, rho: values.rho }, out);
  } catch (error) {
    await processes.stopAll();
    throw error;
  }
  modelLines(layout, shown.models).forEach(out);
  if (values.once) {
    await processes.stopAll();
    return;
  }
  runningLines(layout, shown).forEach(out);
}

/** Where the fitted models are and how to score one locally with `centile evaluate`. */
function modelLines(layout: PreparedDemo, models: readonly DemoModelFile[]): string[] {
  const relative = (file: string) => path.relative(process.cwd(), file);
  const example = models[0];
  const csvSite = layout.sites.find((site) => site.format === 'csv');
  const data = csvSite === undefined ? undefined : layout.dataPaths.get(csvSite.name);
  const lines = [
    `\nModels are in ${relative(layout.modelsDir)}: <task-id>-baseline.onnx per task, and ` +
      'growth.status-biased.onnx (the status baseline made worse for girls on purpose; ' +
      "compare its auroc_gap by sex with the baseline's).",
  ];
  if (example === undefined || data === undefined) return lines;
  return lines.concat(
    `Score one on a site's data locally: npx centile evaluate --model ${relative(example.file)} ` +
      `--task ${example.task} --data ${relative(data)}`,
  );
}

function runningLines(layout: PreparedDemo, shown: Evaluated): string[] {
  const token = path.relative(process.cwd(), layout.tokenFile);
  return [
    `\nThe federation keeps running (logs in ${path.relative(process.cwd(), layout.logsDir)}); Ctrl-C stops it.`,
    `Dashboard (leaderboard, model reports, round status): ${shown.api.baseUrl}/dashboard/`,
    `Read a round's results again: npx centile results show ROUND --api ${shown.api.baseUrl} --token-file ${token}`,
    `Rounds: ${shown.rounds.map((round) => `${round.model.name} ${round.id}`).join(', ')}`,
  ];
}

/** What `evaluate` works with. */
interface DemoRun {
  readonly layout: PreparedDemo;
  readonly options: DemoOptions;
  readonly processes: DemoProcesses;
  readonly step: (what: string) => void;
  readonly rho: string;
}

interface Evaluated {
  readonly rounds: DemoRound[];
  readonly api: ApiTarget;
  readonly models: DemoModelFile[];
}

async function evaluate(run: DemoRun, out: Out): Promise<Evaluated> {
  const { layout, step } = run;
  const ports = await startProcesses(layout, run.processes, run.rho, step);
  // Fitting is CPU work in this process; meanwhile the nodes read their exports in theirs.
  step(
    `fitting a reference model per task (${TASK_CATALOG.length}) and a biased one on separate Sim data`,
  );
  const models = writeDemoModels(layout, run.options);
  const api = apiTarget(`http://127.0.0.1:${ports.httpPort}`, layout.tokenFile);
  await waitForNodes(api, layout.sites.length, 60_000);
  step('all nodes connected over TLS and authenticated');
  const owner = await ownerApiTarget(api.baseUrl, layout.keysDir, DEMO_OWNER);
  const rounds = await runDemoRounds(owner, models, run.rho, step, out);
  (await ledgerLines(layout.sites)).forEach(out);
  out('');
  printIngestReports(layout, out);
  return { rounds, api, models };
}

/** Starts the coordinator, then the nodes once its ports are known; returns the ports. */
async function startProcesses(
  layout: PreparedDemo,
  processes: DemoProcesses,
  rho: string,
  step: (what: string) => void,
): Promise<{ grpcPort: number; httpPort: number }> {
  mkdirSync(layout.logsDir, { recursive: true });
  step('starting the coordinator');
  const coordinatorLog = path.join(layout.logsDir, 'coordinator.log');
  const coordinator = processes.start(
    ['coordinator', 'start', '--config', layout.coordinatorConfig],
    coordinatorLog,
  );
  const ready = await waitForJsonFile<{ grpcPort: number; httpPort: number }>(
    path.join(layout.coordinatorStateDir, READY_FILE),
    coordinator,
    coordinatorLog,
    30_000,
  );
  step(`starting ${layout.sites.length} hospital nodes`);
  for (const site of layout.sites) {
    writeNodeConfig(layout, site, layout.dataPaths, `127.0.0.1:${ready.grpcPort}`, rho);
    processes.start(
      ['node', 'start', '--config', site.config],
      path.join(layout.logsDir, `${site.name}.log`),
    );
  }
  return ready;
}

async function waitForNodes(api: ApiTarget, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const nodes = await callApi<{ connected: boolean }[]>(api, 'GET', '/v1/nodes');
    if (nodes.filter((n) => n.connected).length >= count) return;
    await sleep(200);
  }
  throw new CentileError(
    'unavailable',
    'DEMO_START_FAILED',
    'nodes did not connect; see the node logs in the demo folder',
  );
}

/** What each hospital's IT sees locally: rows read and rejected (never sent to the coordinator). */
function printIngestReports(layout: DemoLayout, out: Out): void {
  out('Local ingest reports (stay at each node):');
  for (const site of layout.sites) {
    const file = path.join(site.stateDir, `ingest-report.${DEMO_DATASET}.json`);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      rowsRead: number;
      rowsRejected: number;
      problems: { row: number; field: string; reason: string }[];
    };
    const first = report.problems
      .slice(0, 3)
      .map((p) => `row ${p.row} ${p.field}: ${p.reason}`)
      .join('; ');
    out(
      `  ${site.name.padEnd(14)} ${site.format.padEnd(5)} ${report.rowsRead} records, ${report.rowsRejected} rejected${first ? ` (${first})` : ''}`,
    );
  }
}
