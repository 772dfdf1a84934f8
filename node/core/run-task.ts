import type { WhoScores, WhoVisit } from '../../benchmark/growth/score-who.js';
import { CentileError } from '../../benchmark/errors.js';
import {
  parseGaussianRelease,
  planGaussianRelease,
} from '../../benchmark/privacy/gaussian-release.js';
import type { GaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import type { BudgetStatus } from '../../benchmark/privacy/budget-ledger.js';
import { formatRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import type { PublishedBudget, ReleaseBody } from '../../benchmark/protocol/release-body.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import { suppressSmallBlocks } from '../../benchmark/tasks/release-blocks.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import { modelContractOf } from '../../benchmark/tasks/task-model-contract.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import { outputColumns, taskKey } from '../../benchmark/tasks/task-definition.js';
import {
  countReleaseCells,
  releaseSensitivitySquared,
} from '../../benchmark/tasks/task-release.js';
import type {
  BudgetLedgerPort,
  CohortSource,
  LoadedModel,
  ModelFetcher,
  ModelOpener,
  ModelLoader,
  NodeSigner,
  NoiseSource,
  Signed,
} from './ports.js';

export const SCORER_VERSION = 'centile-node/0.1.0';

export interface RunTaskDeps {
  readonly nodeId: string;
  readonly ledger: (dataset: string) => BudgetLedgerPort;
  readonly cohorts: CohortSource;
  readonly fetcher: ModelFetcher;
  readonly opener: ModelOpener;
  readonly models: ModelLoader;
  readonly noise: NoiseSource;
  readonly signer: NodeSigner;
  readonly scoreWho: (visit: WhoVisit) => WhoScores;
  readonly now: () => number;
}

/** What the site's policy grants one task. */
export interface TaskGrant {
  /** ρ to charge, within the policy's per-request limit. */
  readonly rho: Rational;
  /** Release blocks with a smaller noisy count are suppressed. */
  readonly minCellSize: number;
  /** Whether the release states the dataset's budget after it. */
  readonly publishBudget: boolean;
}

/** Stages reported while a task runs, with the fraction of work done. */
export type Progress = (
  stage: 'model' | 'reserved' | 'scoring' | 'releasing',
  fraction: number,
) => void;

/**
 * One evaluation of a catalog task, in the order privacy requires: the task
 * is looked up and the model fetched and checked against its contract (no
 * data touched, no budget spent), then ρ is reserved durably, and only then
 * is the cohort read, scored, counted, noised, signed and committed to the
 * ledger.
 */
export async function runTask(
  deps: RunTaskDeps,
  task: TaskBody,
  grant: TaskGrant,
  progress: Progress,
): Promise<Signed> {
  const { rho } = grant;
  const definition = requireTask(task.benchmark_task);
  const envelope = await deps.fetcher.fetch(task.task_id, task.model);
  const bytes = await deps.opener.open(envelope, task);
  const model = await deps.models.load(bytes, modelContractOf(definition));
  try {
    progress('model', 0.1);
    const ledger = deps.ledger(task.dataset);
    ledger.reserve({ requestId: task.task_id, rho, owner: task.model.owner });
    progress('reserved', 0.2);
    const cells = await exactCells(deps, definition, model, task.dataset, progress);
    progress('releasing', 0.9);
    // One plan drives both the noise and the signed claim, so they cannot drift apart.
    const plan = planGaussianRelease(releaseSensitivitySquared(definition), rho);
    const noisy = deps.noise
      .addDiscreteGaussian(cells, parseGaussianRelease(plan).sigma2)
      .map(toSafeNumber);
    const statistics = {
      layout: taskKey(definition),
      ...suppressSmallBlocks(definition, noisy, grant.minCellSize),
    };
    const budget = grant.publishBudget ? publishedBudget(ledger.status()) : undefined;
    const signed = await deps.signer.sign(releaseBody(deps, task, plan, statistics, budget));
    ledger.commit(task.task_id, signed);
    return signed;
  } finally {
    await model.close();
  }
}

async function exactCells(
  deps: RunTaskDeps,
  task: TaskDefinition,
  model: LoadedModel,
  dataset: string,
  progress: Progress,
): Promise<bigint[]> {
  const cohort = deps.cohorts.cohort(dataset);
  if (cohort === undefined) {
    throw new CentileError('not-found', 'DATASET_UNKNOWN', 'no dataset of that name');
  }
  const examples = task.buildExamples(cohort, deps.scoreWho);
  progress('scoring', 0.4);
  const scores = await model.score(examples.features, examples.rows);
  if (scores.length !== examples.rows * outputColumns(task).length) {
    throw new CentileError(
      'invalid-input',
      'MODEL_OUTPUT_MISMATCH',
      'model returned the wrong number of outputs',
    );
  }
  return countReleaseCells(task, examples, scores);
}

function releaseBody(
  deps: RunTaskDeps,
  task: TaskBody,
  plan: GaussianRelease,
  statistics: ReleaseBody['statistics'],
  budget: PublishedBudget | undefined,
): ReleaseBody {
  return {
    type: 'release',
    version: 1,
    task_id: task.task_id,
    round_id: task.round_id,
    node_id: deps.nodeId,
    model_digest: task.model.digest,
    benchmark_task: task.benchmark_task,
    scorer_version: SCORER_VERSION,
    dataset: task.dataset,
    dataset_lineage: deps.cohorts.lineage(task.dataset),
    privacy: {
      mechanism: plan.mechanism,
      sigma2: plan.sigma2,
      l2_sensitivity_squared: plan.l2SensitivitySquared,
      rho: plan.rho,
    },
    statistics,
    ...(budget === undefined ? {} : { budget }),
    created_at_ms: deps.now(),
  };
}

function publishedBudget(status: BudgetStatus): PublishedBudget {
  return {
    total_rho: formatRational(status.totalRho),
    remaining_rho: formatRational(status.remainingRho),
  };
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new CentileError('internal', 'NOISE_OUT_OF_RANGE', 'noisy count out of range');
  return n;
}
