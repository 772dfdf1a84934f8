/**
 * The statistics of this folder applied to a task's release vectors: per
 * output column of one released group, the headline metric — AUROC for a
 * binary label, MAE for a regression target — as an estimate with variance
 * (for meta-analysis) or with a bootstrap interval (for a pool).
 *
 * Noise variance per block: a site's release carries noise of variance σ²
 * on every cell except the blocks it suppressed (zeros, no noise). A pool is
 * the cell-wise sum of the sites' vectors, so a block's noise variance is
 * the sum of σ² over the sites that released it, and a block is suppressed
 * in the pool only when every site suppressed it — as in round-results.ts.
 * Within a block every cell has the same noise variance.
 */
import { parseRational, toNumber } from '../privacy/rational.js';
import type { ReleaseBody } from '../protocol/release-body.js';
import { releaseBlocks } from '../tasks/release-blocks.js';
import { taskMetrics } from '../tasks/task-metrics.js';
import type { TaskMetrics } from '../tasks/task-metrics.js';
import { outputColumns } from '../tasks/task-definition.js';
import type { TaskDefinition } from '../tasks/task-definition.js';
import { classSlot, releaseCellCount, sliceOf, targetSlots } from '../tasks/task-release.js';
import { aurocEstimate } from './auroc-estimate.js';
import { bootstrapAuroc, bootstrapMae } from './bootstrap-metrics.js';
import { dersimonianLaird } from './dersimonian-laird.js';
import type { RandomEffectsResult } from './dersimonian-laird.js';
import { maeEstimate } from './mae-estimate.js';
import type { MetricEstimate } from './metric-estimate.js';
import { pooledNoiseVariance } from './noise-variance.js';
import type { BootstrapInterval, BootstrapOptions } from './parametric-bootstrap.js';
import { statsError } from './stats-errors.js';

/** One site's release as the statistics need it. */
export interface SiteRelease {
  /** The noisy vector in the task's layout. */
  readonly cells: readonly number[];
  /** The site's σ² as a number: `toNumber(parseRational(release.privacy.sigma2))`. */
  readonly sigma2: number;
  /** Indices of the blocks the site suppressed (release-blocks.ts). */
  readonly suppressed: readonly number[];
}

/** A stored release as the statistics take it. */
export function toSiteRelease(release: ReleaseBody): SiteRelease {
  return {
    cells: release.statistics.cells,
    sigma2: toNumber(parseRational(release.privacy.sigma2)),
    suppressed: release.statistics.suppressed,
  };
}

/** A vector of one or more sites summed, with the noise variance of each block. */
export interface PooledRelease {
  readonly cells: readonly number[];
  /** Block index → noise variance of each of its cells. */
  readonly blockNoiseVariances: readonly number[];
  /** Blocks suppressed by every site: no data, left out. */
  readonly suppressed: readonly number[];
}

/** The cell-wise sum of `sites` (at least one) and the noise it carries. */
export function poolReleases(task: TaskDefinition, sites: readonly SiteRelease[]): PooledRelease {
  const length = releaseCellCount(task);
  if (sites.length === 0 || sites.some((site) => site.cells.length !== length)) {
    throw statsError('STATS_INPUT_INVALID', 'need at least one release of the task layout');
  }
  const cells = new Array<number>(length).fill(0);
  for (const site of sites) site.cells.forEach((v, i) => (cells[i] = (cells[i] as number) + v));
  const blocks = releaseBlocks(task).map((_, block) =>
    sites.filter((site) => !site.suppressed.includes(block)),
  );
  return {
    cells,
    blockNoiseVariances: blocks.map((released) =>
      pooledNoiseVariance(released.map((s) => s.sigma2)),
    ),
    suppressed: blocks.flatMap((released, block) => (released.length === 0 ? [block] : [])),
  };
}

/** The task metrics of `sites` pooled, each block with its noise (task-metrics.ts). */
export function pooledTaskMetrics(
  task: TaskDefinition,
  sites: readonly SiteRelease[],
): TaskMetrics {
  const pool = poolReleases(task, sites);
  return taskMetrics(task, pool.cells, pool.suppressed, pool.blockNoiseVariances);
}

/** Output column → headline estimate in released `group` (0 = all); `null` where suppressed or undefined. */
export function headlineEstimates(
  task: TaskDefinition,
  release: PooledRelease,
  group = 0,
): Record<string, MetricEstimate | null> {
  return perOutput(task, release, group, (histograms, variance) =>
    histograms.kind === 'binary'
      ? aurocEstimate(histograms.negative, histograms.positive, variance)
      : maeEstimate(histograms.errors, histograms.maxError, variance),
  );
}

/** Output column → bootstrap 95% interval of the headline metric; each output seeded apart. */
export function headlineIntervals(
  task: TaskDefinition,
  release: PooledRelease,
  options: BootstrapOptions,
  group = 0,
): Record<string, BootstrapInterval | null> {
  return perOutput(task, release, group, (histograms, variance, column) => {
    const seeded = { ...options, seed: `${options.seed}/${group}/${column}` };
    return histograms.kind === 'binary'
      ? bootstrapAuroc(histograms.negative, histograms.positive, variance, seeded)
      : bootstrapMae(histograms.errors, histograms.maxError, variance, seeded);
  });
}

/**
 * Output column → DerSimonian–Laird pooling of the sites' headline
 * estimates. Sites without an estimate (suppressed, empty class) or with a
 * zero variance (only possible without noise) are left out; `k` says how
 * many were pooled; `null` when none was.
 */
export function metaAnalyzeSites(
  task: TaskDefinition,
  sites: readonly SiteRelease[],
  group = 0,
): Record<string, RandomEffectsResult | null> {
  return metaAnalyzeEstimates(task, siteHeadlineEstimates(task, sites, group));
}

/** Each site's headline estimates in released `group`, in site order. */
export function siteHeadlineEstimates(
  task: TaskDefinition,
  sites: readonly SiteRelease[],
  group = 0,
): Record<string, MetricEstimate | null>[] {
  return sites.map((site) => headlineEstimates(task, poolReleases(task, [site]), group));
}

/** `metaAnalyzeSites` from the sites' headline estimates, when the caller has them already. */
export function metaAnalyzeEstimates(
  task: TaskDefinition,
  perSite: readonly Record<string, MetricEstimate | null>[],
): Record<string, RandomEffectsResult | null> {
  const result: Record<string, RandomEffectsResult | null> = {};
  for (const { name } of outputColumns(task)) {
    const usable = perSite.flatMap((s) => (s[name] && s[name].variance > 0 ? [s[name]] : []));
    result[name] =
      usable.length === 0
        ? null
        : dersimonianLaird(
            usable.map((e) => e.estimate),
            usable.map((e) => e.variance),
          );
  }
  return result;
}

type Histograms =
  | { kind: 'binary'; negative: number[]; positive: number[] }
  | { kind: 'regression'; errors: number[]; maxError: number };

function perOutput<T>(
  task: TaskDefinition,
  release: PooledRelease,
  group: number,
  compute: (histograms: Histograms, noiseVariance: number, column: string) => T | null,
): Record<string, T | null> {
  const columns = outputColumns(task);
  const result: Record<string, T | null> = {};
  columns.forEach(({ name }, output) => {
    const block = group * columns.length + output;
    const variance = release.blockNoiseVariances[block];
    result[name] =
      variance === undefined || release.suppressed.includes(block)
        ? null
        : compute(histogramsOf(task, release.cells, group, output), variance, name);
  });
  return result;
}

function histogramsOf(
  task: TaskDefinition,
  cells: readonly number[],
  group: number,
  output: number,
): Histograms {
  if (task.kind === 'binary') {
    return {
      kind: 'binary',
      negative: sliceOf(cells, classSlot(task, group, output, false)),
      positive: sliceOf(cells, classSlot(task, group, output, true)),
    };
  }
  const maxError = task.targets[output]?.maxError ?? Number.NaN;
  return {
    kind: 'regression',
    errors: sliceOf(cells, targetSlots(task, group, output).error),
    maxError,
  };
}
