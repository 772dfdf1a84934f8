import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import { isZero, parseRational } from '../benchmark/privacy/rational.js';
import { requireTask } from '../benchmark/tasks/task-catalog.js';
import { taskKey } from '../benchmark/tasks/task-definition.js';
import { isDataFormat } from '../node/data/read-cohort.js';
import { formatEvaluation } from './evaluate/format-evaluation.js';
import { runEvaluation } from './evaluate/run-evaluation.js';
import type { Evaluation, EvaluationRequest } from './evaluate/run-evaluation.js';
import { ProgressBar } from './progress-bar.js';

const DEFAULT_TIMEOUT_MS = 600_000;
const MAX_MODEL_BYTES = 1024 * 1024 * 1024;

/**
 * `centile evaluate --model FILE --task ID --data PATH [--format csv|fhir|omop]
 * [--json] [--privacy-rho R] [--timeout-ms MS]`: a node's pipeline on local
 * data, printing exact metrics overall, per output and per subgroup with
 * fairness gaps; with `--privacy-rho`, also the release a node would send
 * and the metrics the coordinator would compute from it. No budget is spent:
 * the data is the caller's own and nothing leaves the machine.
 */
export async function evaluateCommand(args: string[], out: (line: string) => void): Promise<void> {
  const request = parseEvaluateArgs(args);
  const bar = new ProgressBar();
  let evaluation: Evaluation;
  try {
    evaluation = await runEvaluation(request.evaluation, (stage, fraction) =>
      bar.update(stage, fraction),
    );
  } finally {
    bar.done();
  }
  if (request.json) out(JSON.stringify(toJson(request.evaluation, evaluation), null, 2));
  else formatEvaluation(request.evaluation, evaluation).forEach((line) => out(line));
}

function parseEvaluateArgs(args: string[]): { evaluation: EvaluationRequest; json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: 'string' },
      task: { type: 'string' },
      data: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      json: { type: 'boolean', default: false },
      'privacy-rho': { type: 'string' },
      'timeout-ms': { type: 'string' },
    },
  });
  if (values.model === undefined || values.task === undefined || values.data === undefined) {
    throw new CentileError(
      'invalid-input',
      'USAGE',
      '--model FILE, --task ID and --data PATH are required',
    );
  }
  if (!isDataFormat(values.format)) {
    throw new CentileError('invalid-input', 'FORMAT_UNKNOWN', 'format must be csv, fhir or omop');
  }
  const rho = values['privacy-rho'] === undefined ? undefined : parseRho(values['privacy-rho']);
  return {
    json: values.json,
    evaluation: {
      task: requireTask(values.task),
      modelPath: values.model,
      dataPath: values.data,
      format: values.format,
      ...(rho === undefined ? {} : { rho }),
      timeoutMs: parseTimeout(values['timeout-ms']),
      maxModelBytes: MAX_MODEL_BYTES,
    },
  };
}

function parseRho(text: string) {
  const rho = parseRational(text);
  if (isZero(rho))
    throw new CentileError('invalid-input', 'USAGE', '--privacy-rho must be positive');
  return rho;
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isSafeInteger(ms) || ms < 100) {
    throw new CentileError(
      'invalid-input',
      'USAGE',
      '--timeout-ms must be an integer of at least 100',
    );
  }
  return ms;
}

function toJson(request: EvaluationRequest, evaluation: Evaluation): Record<string, unknown> {
  const { release } = evaluation;
  return {
    task: taskKey(request.task),
    data: {
      format: request.format,
      children: evaluation.children,
      examples: evaluation.examples,
      rows_read: evaluation.ingest.rowsRead,
      rows_rejected: evaluation.ingest.rowsRejected,
      problem_counts: evaluation.ingest.problemCounts,
    },
    exact: evaluation.exact,
    ...(release === undefined
      ? {}
      : {
          release: {
            rho: release.plan.rho,
            sigma2: release.plan.sigma2,
            l2_sensitivity_squared: release.plan.l2SensitivitySquared,
            metrics: release.metrics,
          },
        }),
  };
}
