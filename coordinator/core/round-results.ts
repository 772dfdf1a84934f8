import { epsilonForRho, REPORTED_DELTA } from '../../benchmark/privacy/accounting.js';
import { parseRational, toNumber } from '../../benchmark/privacy/rational.js';
import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import type { PublishedBudget, ReleaseBody } from '../../benchmark/protocol/release-body.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import type { TaskMetrics } from '../../benchmark/tasks/task-metrics.js';
import { pooledTaskMetrics, toSiteRelease } from '../../benchmark/stats/task-estimates.js';
import type { CoordinatorStore } from './ports.js';
import { roundUncertainty } from './round-uncertainty.js';
import type { RoundUncertainty } from './round-uncertainty.js';
import type { RoundRecord, TaskState } from './records.js';

export interface SiteResult {
  readonly nodeId: string;
  readonly state: TaskState;
  readonly errorCode: string | null;
  /** ρ charged by the site's release (exact p/q), when it released. */
  readonly rho: string | null;
  /** That ρ as ε at `REPORTED_DELTA` (CKS20 conversion), for readers who think in (ε, δ). */
  readonly epsilon: number | null;
  /** The site's budget after the release, when it publishes it. */
  readonly budget: PublishedBudget | null;
  readonly metrics: TaskMetrics | null;
}

export interface RoundResults {
  readonly round: RoundRecord;
  readonly sites: readonly SiteResult[];
  /** From the cell-wise sum of all sites' noisy statistics; null before any release. */
  readonly pooled: TaskMetrics | null;
  /** Intervals of the headline metrics and the sites' random-effects pool; null before any release. */
  readonly uncertainty: RoundUncertainty | null;
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
      epsilon: release === undefined ? null : epsilonOf(release.privacy.rho),
      budget: release?.budget ?? null,
      metrics: release === undefined ? null : metricsOf(task, [release]),
    };
  });
  const released = [...releases.values()];
  return {
    round,
    sites,
    pooled: pooledMetrics(task, released),
    uncertainty: roundUncertainty(task, round.id, released),
  };
}

/**
 * The pooled metrics of a round alone and how many sites released: what a
 * leaderboard needs, without the per-site metrics and the bootstrap.
 */
export function pooledRoundMetrics(
  store: CoordinatorStore,
  round: RoundRecord,
): { pooled: TaskMetrics | null; sites: number } {
  const releases = store.releasesOfRound(round.id).map((r) => decodeReleaseBody(r.body));
  return {
    pooled: pooledMetrics(requireTask(round.benchmarkTask), releases),
    sites: releases.length,
  };
}

function epsilonOf(rho: string): number {
  return epsilonForRho(toNumber(parseRational(rho)), REPORTED_DELTA);
}

/**
 * Metrics of the cell-wise sum of the sites' vectors (pooling is addition:
 * post-processing). A block one site suppressed holds zeros there, so the
 * sum pools the others; it is suppressed in the pool only when every site
 * suppressed it. Each block's noise variance is the sum of the σ² of the
 * sites that released it.
 */
function pooledMetrics(task: TaskDefinition, releases: readonly ReleaseBody[]): TaskMetrics | null {
  return releases.length === 0 ? null : metricsOf(task, releases);
}

function metricsOf(task: TaskDefinition, releases: readonly ReleaseBody[]): TaskMetrics {
  return pooledTaskMetrics(task, releases.map(toSiteRelease));
}
