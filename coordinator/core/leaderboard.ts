/**
 * The public leaderboard: every round whose owner published it, per task,
 * ranked by its headline figure from the pooled noisy statistics — mean
 * AUROC over the labels (binary tasks, higher first) or mean MAE over the
 * targets (regression tasks, lower first), each over the outputs estimable
 * at the round's noise (a rare label can be mostly noise: noisy-counts.ts);
 * each row says over how many.
 */
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import { outputColumns } from '../../benchmark/tasks/task-definition.js';
import type { OutputMetrics } from '../../benchmark/tasks/task-metrics.js';
import type { CoordinatorStore } from './ports.js';
import type { RoundRecord } from './records.js';
import { pooledRoundMetrics } from './round-results.js';

export interface LeaderboardRow {
  readonly task: string;
  readonly round_id: string;
  readonly model: string;
  readonly owner: string;
  readonly model_digest: string;
  readonly sites: number;
  /** Noisy pooled number of examples. */
  readonly examples: number;
  readonly metric: 'mean_auroc' | 'mean_mae';
  readonly value: number | null;
  /** Outputs (labels or targets) the mean is over, and of how many: a rare one can be mostly noise. */
  readonly estimated_outputs: number;
  readonly outputs: number;
  readonly published_at: number;
}

/** Published rounds of `benchmarkTask` (all tasks when undefined), best first within a task. */
export function leaderboard(
  store: CoordinatorStore & { publishedRounds(): RoundRecord[] },
  benchmarkTask?: string,
): LeaderboardRow[] {
  const rows = store
    .publishedRounds()
    .filter((round) => benchmarkTask === undefined || round.benchmarkTask === benchmarkTask)
    .map((round) => rowOf(store, round));
  return rows.sort((a, b) => a.task.localeCompare(b.task) || better(a, b));
}

function rowOf(store: CoordinatorStore, round: RoundRecord): LeaderboardRow {
  const { pooled, sites } = pooledRoundMetrics(store, round);
  const model = store.findModel(round.modelDigest);
  const task = requireTask(round.benchmarkTask);
  const binary = task.kind === 'binary';
  const values = Object.values(pooled?.outputs ?? {}).map((m) => headline(m, binary));
  return {
    task: round.benchmarkTask,
    round_id: round.id,
    model: model?.name ?? '',
    owner: model?.owner ?? '',
    model_digest: round.modelDigest,
    sites,
    examples: Math.round(pooled?.examples ?? 0),
    metric: binary ? 'mean_auroc' : 'mean_mae',
    value: mean(values),
    estimated_outputs: values.filter((v) => v !== null).length,
    outputs: outputColumns(task).length,
    published_at: round.publishedAt ?? 0,
  };
}

function headline(metrics: OutputMetrics, binary: boolean): number | null {
  if (binary) return 'auroc' in metrics ? metrics.auroc : null;
  return 'mae' in metrics ? metrics.mae : null;
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
}

/** Higher AUROC first, lower MAE first; unknown values last. */
function better(a: LeaderboardRow, b: LeaderboardRow): number {
  if (a.value === null || b.value === null)
    return Number(a.value === null) - Number(b.value === null);
  return a.metric === 'mean_auroc' ? b.value - a.value : a.value - b.value;
}
