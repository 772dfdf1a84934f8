import { binnedBinaryMetrics } from '../../benchmark/metrics/binned-binary.js';
import type { BinnedBinaryMetrics } from '../../benchmark/metrics/binned-binary.js';
import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import { STATUS_LABELS, STATUS_SCORE_BINS } from '../../benchmark/tasks/growth-status-contract.js';
import type { StatusLabel } from '../../benchmark/tasks/growth-status-contract.js';
import { decodeStatusCells, sumCells } from '../../benchmark/tasks/growth-status-statistics.js';
import type { CoordinatorStore } from './ports.js';
import type { RoundRecord, TaskState } from './records.js';

/** Predicted positive when score ≥ 0.5, i.e. from bin 10 of 20. */
const THRESHOLD_BIN = STATUS_SCORE_BINS / 2;

/** Metrics computed from (noisy) statistics: children count and per-label metrics. */
export interface StatusMetrics {
  /** Noisy count of children with an example. */
  readonly children: number;
  readonly labels: Readonly<Record<StatusLabel, BinnedBinaryMetrics>>;
}

export interface SiteResult {
  readonly nodeId: string;
  readonly state: TaskState;
  readonly errorCode: string | null;
  /** ρ charged by the site's release (exact p/q), when it released. */
  readonly rho: string | null;
  readonly metrics: StatusMetrics | null;
}

export interface RoundResults {
  readonly round: RoundRecord;
  readonly sites: readonly SiteResult[];
  /** From the cell-wise sum of all sites' noisy statistics; null before any release. */
  readonly pooled: StatusMetrics | null;
}

/** Cross-site results of a round: all post-processing of stored releases. */
export function roundResults(store: CoordinatorStore, round: RoundRecord): RoundResults {
  const releases = new Map(
    store.releasesOfRound(round.id).map((r) => [r.taskId, decodeReleaseBody(r.body)] as const),
  );
  const sites = store.tasksOfRound(round.id).map((task): SiteResult => {
    const release = releases.get(task.id);
    return {
      nodeId: task.nodeId,
      state: task.state,
      errorCode: task.errorCode,
      rho: release?.privacy.rho ?? null,
      metrics: release === undefined ? null : statusMetrics(release.statistics.cells),
    };
  });
  const cells = [...releases.values()].map((r) => r.statistics.cells);
  return { round, sites, pooled: cells.length === 0 ? null : statusMetrics(sumCells(cells)) };
}

/** Metrics of one cell vector (a site's, or the pooled sum). */
export function statusMetrics(cells: readonly number[]): StatusMetrics {
  const stats = decodeStatusCells(cells);
  const labels = {} as Record<StatusLabel, BinnedBinaryMetrics>;
  for (const label of STATUS_LABELS) {
    const h = stats.labels[label];
    labels[label] = binnedBinaryMetrics(h.negative, h.positive, THRESHOLD_BIN);
  }
  return { children: Math.max(0, stats.children), labels };
}
