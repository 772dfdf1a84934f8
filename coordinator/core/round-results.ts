import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import { taskMetrics } from '../../benchmark/tasks/task-metrics.js';
import type { TaskMetrics } from '../../benchmark/tasks/task-metrics.js';
import { releaseCellCount } from '../../benchmark/tasks/task-release.js';
import type { CoordinatorStore } from './ports.js';
import type { RoundRecord, TaskState } from './records.js';

export interface SiteResult {
  readonly nodeId: string;
  readonly state: TaskState;
  readonly errorCode: string | null;
  /** ρ charged by the site's release (exact p/q), when it released. */
  readonly rho: string | null;
  readonly metrics: TaskMetrics | null;
}

export interface RoundResults {
  readonly round: RoundRecord;
  readonly sites: readonly SiteResult[];
  /** From the cell-wise sum of all sites' noisy statistics; null before any release. */
  readonly pooled: TaskMetrics | null;
}

/** Cross-site results of a round: all post-processing of stored releases. */
export function roundResults(store: CoordinatorStore, round: RoundRecord): RoundResults {
  const task = requireTask(round.benchmarkTask);
  const releases = new Map(
    store.releasesOfRound(round.id).map((r) => [r.taskId, decodeReleaseBody(r.body)] as const),
  );
  const sites = store.tasksOfRound(round.id).map((site): SiteResult => {
    const release = releases.get(site.id);
    return {
      nodeId: site.nodeId,
      state: site.state,
      errorCode: site.errorCode,
      rho: release?.privacy.rho ?? null,
      metrics: release === undefined ? null : taskMetrics(task, release.statistics.cells),
    };
  });
  const cells = [...releases.values()].map((r) => r.statistics.cells);
  const pooled = cells.length === 0 ? null : taskMetrics(task, sumCells(task, cells));
  return { round, sites, pooled };
}

/** Cell-wise sum of several sites' vectors: pooling is addition (post-processing). */
function sumCells(task: TaskDefinition, vectors: readonly (readonly number[])[]): number[] {
  const total = new Array<number>(releaseCellCount(task)).fill(0);
  for (const vector of vectors) vector.forEach((v, i) => (total[i] = (total[i] as number) + v));
  return total;
}
