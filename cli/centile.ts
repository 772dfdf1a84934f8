#!/usr/bin/env node
import { CentileError } from '../benchmark/errors.js';
import { coordinatorMain } from '../coordinator/main.js';
import { runKeysCommand } from '../keys/keys-command.js';
import { nodeMain } from '../node/main.js';
import { runDemo } from './demo/run-demo.js';
import {
  launchRoundCommand,
  leaderboardCommand,
  publishResultsCommand,
  roundStatusCommand,
  showResultsCommand,
  submitModelCommand,
} from './operator-commands.js';
import { dataCheckCommand, dataConvertCommand } from './data-command.js';
import { growthZscoresCommand } from './growth-zscores-command.js';
import { metricsBinaryCommand, metricsRegressionCommand } from './metrics-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { nodeBudgetCommand } from './node-budget-command.js';
import { streamChunkWriter } from './privacy/chunk-writer.js';
import { privacyExplainCommand } from './privacy/privacy-explain-command.js';
import { privacySampleCommand } from './privacy/privacy-sample-command.js';
import { simCommand } from './sim-command.js';
import { tasksListCommand, tasksShowCommand } from './tasks-command.js';

const USAGE = [
  'usage: centile <command> [options]',
  '',
  '  demo [--once] [--dir DIR]                  a complete demo federation on this machine',
  '  keys init --role R --name N --out DIR      Ed25519 + X25519 identity (coordinator|node|owner)',
  '  keys tls --out DIR [--host H ...]          self-signed TLS certificate for the coordinator',
  '  coordinator start --config FILE            run the coordinator',
  '  node start --config FILE                   run a hospital node',
  '  node budget --config FILE [--json]         privacy budget spent per dataset (read-only, beside a live node)',
  '  model submit --owner O --file F --name N [--task T] [--nodes a,b]',
  '                                             seal an ONNX model for the nodes and upload it',
  '  round launch --model DIGEST [--rho R] [--dataset D] [--quorum K] [--wait]',
  '  round status ROUND',
  '  results show ROUND [--json]',
  "  results publish ROUND --owner O            put a round's results on the public leaderboard",
  '  leaderboard [--task T] [--json]            published results, best first',
  '  tasks list [--json]                        the benchmark task catalog',
  '  evaluate --model FILE --task TASK --data PATH [--format csv|fhir|omop] [--json] [--privacy-rho R]',
  "                                             a node's evaluation on local data, exact metrics",
  "  tasks show TASK [--json]                   a task's model contract, examples, metrics and release",
  '  growth zscores --in FILE.csv [--out FILE.csv]  WHO/CDC z-scores and percentiles for a batch',
  '  metrics binary --in FILE.csv [--threshold T]  exact metrics of label,score[,group] as JSON',
  '  metrics regression --in FILE.csv           exact metrics of target,prediction[,group] as JSON',
  '  data check --format F --path P [--json]    what a node would read from an export (csv|fhir|omop)',
  '  data convert --format F --path P --out F   an export as the canonical long CSV (kg, cm)',
  '  privacy explain --rho R [--delta D] [--json]  rho as epsilon at delta (default 1e-6), noise per task',
  '  privacy sample --mechanism gaussian --sensitivity N --rho R --value V --count K',
  '  privacy sample --mechanism laplace --sensitivity N --epsilon E --value V --count K',
  '                                             K noisy copies of V from the node samplers (V < 0: --value=-5)',
  '  sim --out DIR [--sites N] [--children N] [--seed S] [--format csv|fhir|omop]',
  '                                             Sim sites, one sub-folder each',
  '',
  'API commands take --api URL (default http://127.0.0.1:7480) and either --token-file FILE',
  '(the operator) or --owner NAME [--owner-keys DIR] (a model owner, signing each request).',
];

type Command = (args: string[]) => Promise<unknown>;

const out = (line: string) => void process.stdout.write(`${line}\n`);

const COMMANDS: Record<string, Command> = {
  demo: (args) => runDemo(args, out),
  keys: async (args) => {
    process.exitCode = await runKeysCommand(args, { write: out });
  },
  'coordinator start': (args) => coordinatorMain(configArg(args), process.env),
  'node start': (args) => nodeMain(configArg(args), process.env),
  'node budget': async (args) => {
    process.exitCode = await nodeBudgetCommand(args, out);
  },
  'model submit': (args) => submitModelCommand(args, out),
  'round launch': (args) => launchRoundCommand(args, out),
  'round status': (args) => roundStatusCommand(args, out),
  'results show': (args) => showResultsCommand(args, out),
  'results publish': (args) => publishResultsCommand(args, out),
  leaderboard: (args) => leaderboardCommand(args, out),
  sim: (args) => simCommand(args, out),
  'growth zscores': (args) => growthZscoresCommand(args, out),
  'tasks list': (args) => Promise.resolve(tasksListCommand(args, out)),
  evaluate: (args) => evaluateCommand(args, out),
  'tasks show': (args) => Promise.resolve(tasksShowCommand(args, out)),
  'metrics binary': (args) => metricsBinaryCommand(args, out),
  'metrics regression': (args) => metricsRegressionCommand(args, out),
  'data check': (args) => dataCheckCommand(args, out),
  'data convert': (args) => dataConvertCommand(args, out),
  'privacy explain': (args) => Promise.resolve(privacyExplainCommand(args, out)),
  'privacy sample': (args) => privacySampleCommand(args, streamChunkWriter(process.stdout)),
};

function configArg(args: string[]): string {
  const i = args.indexOf('--config');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (file === undefined)
    throw new CentileError('invalid-input', 'USAGE', '--config FILE is required');
  return file;
}

function findCommand(argv: string[]): [Command, string[]] | undefined {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two] !== undefined) return [COMMANDS[two], argv.slice(2)];
  const one = argv[0] ?? '';
  return COMMANDS[one] === undefined ? undefined : [COMMANDS[one], argv.slice(1)];
}

/** User errors print one line with their code; only unexpected ones show details. */
function report(error: unknown): void {
  if (error instanceof CentileError)
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
  else if (
    error instanceof TypeError &&
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`error USAGE: ${error.message}\n`);
  } else
    process.stderr.write(
      `error INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exitCode = error instanceof CentileError && error.code === 'USAGE' ? 2 : 1;
}

const found = findCommand(process.argv.slice(2));
if (found === undefined) {
  USAGE.forEach((line) => process.stderr.write(`${line}\n`));
  process.exitCode = process.argv.length > 2 && process.argv[2] !== '--help' ? 2 : 0;
} else {
  const [command, args] = found;
  // Through a promise, so a command that throws synchronously is reported like the rest.
  Promise.resolve()
    .then(() => command(args))
    .catch(report);
}
