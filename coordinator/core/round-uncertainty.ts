/**
 * The uncertainty of a round's headline figures (AUROC per label, MAE per
 * target), from the sites' noisy releases: the pool with a 95% parametric
 * bootstrap interval that accounts for sampling and for the known DP noise,
 * each site's estimate with its 95% interval, and the DerSimonian–Laird
 * random-effects pool of the sites with its heterogeneity. All of it is
 * post-processing of the releases (benchmark/stats).
 */
import type { ReleaseBody } from '../../benchmark/protocol/release-body.js';
import { Z_95 } from '../../benchmark/stats/dersimonian-laird.js';
import {
  headlineIntervals,
  metaAnalyzeEstimates,
  poolReleases,
  siteHeadlineEstimates,
  toSiteRelease,
} from '../../benchmark/stats/task-estimates.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import { outputColumns } from '../../benchmark/tasks/task-definition.js';

export type HeadlineMetric = 'auroc' | 'mae';

export interface Interval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SiteEstimates {
  readonly metric: HeadlineMetric;
  readonly sites: readonly ({ readonly nodeId: string } & Interval)[];
  /** DerSimonian–Laird over the sites; null when no site has an estimate. */
  readonly randomEffects: {
    readonly pooled: number;
    readonly lower: number;
    readonly upper: number;
    readonly tau2: number;
    readonly i2: number;
    readonly predictionInterval: readonly [number, number] | null;
    readonly k: number;
  } | null;
}

/** A pooled headline metric (the results table's) with its bootstrap interval. */
export type PooledInterval = { readonly metric: HeadlineMetric } & Interval;

export interface RoundUncertainty {
  /** Output column → the pooled headline metric with its bootstrap interval. */
  readonly pooled: Readonly<Record<string, PooledInterval | null>>;
  /** Output column → per-site estimates and their random-effects pool. */
  readonly sites: Readonly<Record<string, SiteEstimates>>;
}

/** Replicates per interval: enough for stable 2.5%/97.5% quantiles, fast on a coordinator. */
const REPLICATES = 1000;

/** The uncertainty of `releases` (one per site that released, in site order). */
export function roundUncertainty(
  task: TaskDefinition,
  roundId: string,
  releases: readonly ReleaseBody[],
): RoundUncertainty | null {
  if (releases.length === 0) return null;
  const metric: HeadlineMetric = task.kind === 'binary' ? 'auroc' : 'mae';
  const sites = releases.map(toSiteRelease);
  const intervals = headlineIntervals(task, poolReleases(task, sites), {
    // Seeded by the round, so the same round always shows the same interval.
    seed: `centile/round/${roundId}`,
    replicates: REPLICATES,
    ...(metric === 'auroc' ? { range: [0, 1] as const } : {}),
  });
  const perSite = siteHeadlineEstimates(task, sites);
  const meta = metaAnalyzeEstimates(task, perSite);
  const pooled: Record<string, PooledInterval | null> = {};
  const bySite: Record<string, SiteEstimates> = {};
  for (const { name } of outputColumns(task)) {
    const interval = intervals[name];
    pooled[name] = interval
      ? {
          metric,
          estimate: interval.estimate,
          lower: interval.lower,
          upper: interval.upper,
        }
      : null;
    bySite[name] = {
      metric,
      sites: releases.flatMap((release, i) => {
        const estimate = perSite[i]?.[name];
        return estimate
          ? [{ nodeId: release.node_id, ...wald(estimate.estimate, estimate.variance) }]
          : [];
      }),
      randomEffects: randomEffectsOf(meta[name] ?? null),
    };
  }
  return { pooled, sites: bySite };
}

function wald(estimate: number, variance: number): Interval {
  const half = Z_95 * Math.sqrt(variance);
  return { estimate, lower: estimate - half, upper: estimate + half };
}

function randomEffectsOf(
  result: ReturnType<typeof metaAnalyzeEstimates>[string] | null,
): SiteEstimates['randomEffects'] {
  if (result === null) return null;
  const [lower, upper] = result.ci95;
  return {
    pooled: result.pooled,
    lower,
    upper,
    tau2: result.tau2,
    i2: result.i2,
    predictionInterval: result.predictionInterval,
    k: result.k,
  };
}
