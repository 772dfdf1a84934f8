/**
 * Paired comparison of two models evaluated on the same sites and dataset
 * (two rounds, e.g. launched together): per output, the difference of the
 * pooled headline metric (AUROC or MAE, A − B) with a 95% interval, and the
 * DerSimonian–Laird pool of the per-site differences. Both releases come
 * from the same children, so sampling errors are positively correlated and
 * the variance sum is a conservative bound (benchmark/stats/paired-comparison.ts).
 */
import { CentileError } from '../../benchmark/errors.js';
import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import type { ReleaseBody } from '../../benchmark/protocol/release-body.js';
import { compareBySite, compareEstimates } from '../../benchmark/stats/paired-comparison.js';
import type { PairedDifference } from '../../benchmark/stats/paired-comparison.js';
import type { RandomEffectsResult } from '../../benchmark/stats/dersimonian-laird.js';
import {
  headlineEstimates,
  poolReleases,
  siteHeadlineEstimates,
  toSiteRelease,
} from '../../benchmark/stats/task-estimates.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import { outputColumns } from '../../benchmark/tasks/task-definition.js';
import type { MetricEstimate } from '../../benchmark/stats/metric-estimate.js';
import type { CoordinatorStore } from './ports.js';
import type { RoundRecord } from './records.js';

export interface RoundComparison {
  readonly a: string;
  readonly b: string;
  readonly task: string;
  readonly metric: 'auroc' | 'mae';
  /** Sites that released in both rounds: the only ones compared. */
  readonly sites: readonly string[];
  /** Output column → pooled A − B; null where either pool has no estimate. */
  readonly pooled: Readonly<Record<string, PairedDifference | null>>;
  /** Output column → random-effects pool of the per-site differences; null without such a site. */
  readonly bySite: Readonly<Record<string, RandomEffectsResult | null>>;
}

/** Compares rounds `a` and `b` of the same task on the sites both have releases from. */
export function compareRounds(
  store: CoordinatorStore,
  a: RoundRecord,
  b: RoundRecord,
): RoundComparison {
  if (a.benchmarkTask !== b.benchmarkTask) {
    throw new CentileError(
      'invalid-input',
      'ROUNDS_NOT_COMPARABLE',
      'the rounds ran different tasks',
    );
  }
  const task = requireTask(a.benchmarkTask);
  const releasesA = releasesBySite(store, a.id);
  const releasesB = releasesBySite(store, b.id);
  const sites = [...releasesA.keys()].filter((site) => releasesB.has(site)).sort();
  if (sites.length === 0) {
    throw new CentileError(
      'failed-precondition',
      'ROUNDS_NOT_COMPARABLE',
      'no site released in both rounds',
    );
  }
  const pick = (releases: Map<string, ReleaseBody>) =>
    sites.map((site) => toSiteRelease(releases.get(site) as ReleaseBody));
  const sitesA = pick(releasesA);
  const sitesB = pick(releasesB);
  const pooledA = headlineEstimates(task, poolReleases(task, sitesA));
  const pooledB = headlineEstimates(task, poolReleases(task, sitesB));
  const [perSiteA, perSiteB] = [
    siteHeadlineEstimates(task, sitesA),
    siteHeadlineEstimates(task, sitesB),
  ];
  const pooled: Record<string, PairedDifference | null> = {};
  const bySite: Record<string, RandomEffectsResult | null> = {};
  for (const { name } of outputColumns(task)) {
    const [x, y] = [pooledA[name], pooledB[name]];
    pooled[name] = x && y ? compareEstimates(x, y) : null;
    bySite[name] = siteDifferences(perSiteA, perSiteB, name);
  }
  return {
    a: a.id,
    b: b.id,
    task: a.benchmarkTask,
    metric: task.kind === 'binary' ? 'auroc' : 'mae',
    sites,
    pooled,
    bySite,
  };
}

/** DerSimonian–Laird over the sites' A − B, from each site's estimates (same site order). */
function siteDifferences(
  perSiteA: readonly Record<string, MetricEstimate | null>[],
  perSiteB: readonly Record<string, MetricEstimate | null>[],
  output: string,
): RandomEffectsResult | null {
  const pairs = perSiteA.flatMap((estimates, i) => {
    const x = estimates[output];
    const y = perSiteB[i]?.[output];
    return x && y && x.variance + y.variance > 0 ? [[x, y] as const] : [];
  });
  if (pairs.length === 0) return null;
  return compareBySite(
    pairs.map(([x]) => x),
    pairs.map(([, y]) => y),
  );
}

function releasesBySite(store: CoordinatorStore, roundId: string): Map<string, ReleaseBody> {
  return new Map(
    store.releasesOfRound(roundId).map((r) => [r.nodeId, decodeReleaseBody(r.body)] as const),
  );
}
