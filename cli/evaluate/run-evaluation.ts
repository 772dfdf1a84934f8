/**
 * The node's own pipeline on local data, without a coordinator: check the
 * model against the task's contract (before any data is read), read the
 * cohort, build the task's examples, score them in the hardened runner, and
 * compute exact metrics; optionally also the noisy release a node would send
 * and the metrics the coordinator would compute from it.
 */
import { readFile } from 'node:fs/promises';
import { childCount } from '../../benchmark/cohort.js';
import { scoreWho } from '../../benchmark/growth/score-who.js';
import { planGaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import type { GaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import { parseRational, toNumber } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { exactTaskMetrics } from '../../benchmark/tasks/exact-task-metrics.js';
import type { ExactTaskReport } from '../../benchmark/tasks/exact-task-metrics.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import { suppressSmallBlocks } from '../../benchmark/tasks/release-blocks.js';
import { pooledTaskMetrics } from '../../benchmark/stats/task-estimates.js';
import type { TaskMetrics } from '../../benchmark/tasks/task-metrics.js';
import { modelContractOf } from '../../benchmark/tasks/task-model-contract.js';
import {
  countReleaseCells,
  releaseSensitivitySquared,
} from '../../benchmark/tasks/task-release.js';
import { DEFAULT_MIN_CELL_SIZE } from '../../node/config.js';
import type { LoadedModel } from '../../node/core/ports.js';
import type { DataFormat } from '../../node/data/read-cohort.js';
import { readCohort } from '../../node/data/read-cohort.js';
import type { IngestReport } from '../../node/data/ingest-report.js';
import { createOnnxModelLoader } from '../../node/onnx/onnx-model-loader.js';
import { addGaussianReleaseNoise } from '../../node/privacy/gaussian-mechanism.js';
import { createSodiumRandomSource } from '../../node/privacy/random-source.js';

/** What to evaluate, and the runner's limits. */
export interface EvaluationRequest {
  readonly task: TaskDefinition;
  readonly modelPath: string;
  readonly dataPath: string;
  readonly format: DataFormat;
  readonly rho?: Rational;
  readonly timeoutMs: number;
  readonly maxModelBytes: number;
}

/** The noisy release a node would send, and what the coordinator would compute from it. */
export interface SimulatedRelease {
  readonly plan: GaussianRelease;
  readonly metrics: TaskMetrics;
}

export interface Evaluation {
  readonly ingest: IngestReport;
  readonly children: number;
  readonly examples: number;
  readonly exact: ExactTaskReport;
  readonly release?: SimulatedRelease;
}

/** Stages of an evaluation, with the fraction done, for a progress bar. */
export type EvaluationProgress = (stage: string, fraction: number) => void;

/** Runs `request`; errors are CentileErrors with stable codes (model, data, task). */
export async function runEvaluation(
  request: EvaluationRequest,
  progress: EvaluationProgress,
): Promise<Evaluation> {
  progress('checking the model', 0);
  const model = await loadModel(request);
  try {
    progress('reading the data', 0.1);
    const { cohort, report } = await readCohort(request.format, request.dataPath);
    progress('building examples', 0.4);
    const examples = request.task.buildExamples(cohort, scoreWho);
    progress('scoring', 0.5);
    const predictions = await model.score(examples.features, examples.rows);
    progress('computing metrics', 0.9);
    const exact = exactTaskMetrics(request.task, examples, predictions);
    const release =
      request.rho === undefined
        ? undefined
        : await simulateRelease(
            request.task,
            countReleaseCells(request.task, examples, predictions),
            request.rho,
          );
    progress('done', 1);
    return {
      ingest: report,
      children: childCount(cohort),
      examples: examples.rows,
      exact,
      ...(release === undefined ? {} : { release }),
    };
  } finally {
    await model.close();
  }
}

async function loadModel(request: EvaluationRequest): Promise<LoadedModel> {
  const bytes = new Uint8Array(await readFile(request.modelPath));
  const loader = createOnnxModelLoader({
    timeoutMs: request.timeoutMs,
    maxModelBytes: request.maxModelBytes,
  });
  return loader.load(bytes, modelContractOf(request.task));
}

/**
 * Exactly what a node with the default policy does after scoring: plan,
 * noise with libsodium's discrete Gaussian, suppress small cells; then what
 * the coordinator decodes.
 */
async function simulateRelease(
  task: TaskDefinition,
  cells: bigint[],
  rho: Rational,
): Promise<SimulatedRelease> {
  const plan = planGaussianRelease(releaseSensitivitySquared(task), rho);
  const noisy = addGaussianReleaseNoise(cells, plan, await createSodiumRandomSource());
  const { cells: released, suppressed } = suppressSmallBlocks(
    task,
    noisy.map(Number),
    DEFAULT_MIN_CELL_SIZE,
  );
  const site = { cells: released, sigma2: toNumber(parseRational(plan.sigma2)), suppressed };
  return { plan, metrics: pooledTaskMetrics(task, [site]) };
}
