import type { BinnedBinaryMetrics } from '../benchmark/metrics/binned-binary.js';
import type { BinnedRegressionMetrics } from '../benchmark/metrics/binned-regression.js';
import { epsilonForRho, REPORTED_DELTA } from '../benchmark/privacy/accounting.js';
import { parseRational, toNumber } from '../benchmark/privacy/rational.js';
import { requireTask } from '../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../benchmark/tasks/task-definition.js';
import { outputColumns } from '../benchmark/tasks/task-definition.js';
import type { OutputMetrics, TaskMetrics } from '../benchmark/tasks/task-metrics.js';
import type { RoundResults } from '../coordinator/core/round-results.js';

/** δ at which ρ is shown as ε for people. */

const OUTPUT_WIDTH = 15;
/**
 * Below this many (noisy) positives a label's metrics are mostly noise and
 * binning: a site with a handful of cases cannot rank them reliably.
 */
export const FEW_POSITIVES = 30;

/** The cross-site table: one row per site, the pooled row, then the pooled fairness gaps. */
export function formatResultsTable(results: RoundResults): string[] {
  const task = requireTask(results.round.benchmarkTask);
  const outputs = outputColumns(task).map((c) => c.name);
  const header = [
    'site'.padEnd(14),
    'status'.padEnd(9),
    'examples'.padStart(8),
    'rho'.padStart(6),
    'eps'.padStart(5),
  ]
    .concat(outputs.map((name) => name.slice(0, OUTPUT_WIDTH).padStart(OUTPUT_WIDTH)))
    .join(' ');
  const rows = results.sites.map((site) =>
    row(site.nodeId, site.errorCode ?? site.state, site.metrics, site.rho, outputs),
  );
  const pooled = row('POOLED', results.round.state, results.pooled, null, outputs);
  return [
    `round ${results.round.id}  task ${results.round.benchmarkTask}  model ${results.round.modelDigest.slice(0, 12)}`,
    header,
    '-'.repeat(header.length),
    ...rows,
    '-'.repeat(header.length),
    pooled,
    ...fairnessLines(task, results.pooled),
    ...uncertaintyLines(results),
    ...suppressionLines(results),
    '',
    legend(task),
    `examples is a noisy count; rho is zCDP spent by the site; eps is (eps, delta=${REPORTED_DELTA})-DP.`,
  ];
}

function row(
  site: string,
  status: string,
  metrics: TaskMetrics | null,
  rho: string | null,
  outputs: readonly string[],
): string {
  const rhoValue = rho === null ? null : toNumber(parseRational(rho));
  const cells = [
    site.slice(0, 14).padEnd(14),
    status.slice(0, 9).padEnd(9),
    (metrics === null ? '-' : String(Math.round(metrics.examples))).padStart(8),
    (rhoValue === null ? '' : rhoValue.toFixed(3)).padStart(6),
    (rhoValue === null ? '' : epsilonForRho(rhoValue, REPORTED_DELTA).toFixed(2)).padStart(5),
  ];
  const values = outputs.map((name) => outputCell(metrics?.outputs[name]).padStart(OUTPUT_WIDTH));
  return cells.concat(values).join(' ');
}

function outputCell(m: OutputMetrics | undefined): string {
  if (m === undefined) return '-';
  if ('auroc' in m) return binaryCell(m);
  return regressionCell(m);
}

function binaryCell(m: BinnedBinaryMetrics): string {
  if (m.auroc === null && m.mostlyNoise)
    return `noise ${fixed(m.sensitivity, 2)}/${fixed(m.specificity, 2)}`;
  const caution = m.auroc !== null && m.positives < FEW_POSITIVES ? '~' : '';
  return `${caution}${fixed(m.auroc, 3)} ${fixed(m.sensitivity, 2)}/${fixed(m.specificity, 2)}`;
}

function regressionCell(m: BinnedRegressionMetrics): string {
  if (m.mostlyNoise) return 'noise';
  return `${fixed(m.mae, 3)} ${fixed(m.rmse, 3)}`;
}

/** The pooled gap that matters most per dimension: AUROC gap or MAE gap, per output. */
function fairnessLines(task: TaskDefinition, pooled: TaskMetrics | null): string[] {
  if (pooled === null) return [];
  const key = task.kind === 'binary' ? 'auroc_gap' : 'mae_gap';
  return Object.entries(pooled.fairness).map(([dimension, byOutput]) => {
    const gaps = Object.entries(byOutput).map(
      ([name, gap]) => `${name} ${fixed(gap[key] ?? null, 3)}`,
    );
    return `${key} by ${dimension}: ${gaps.join(', ')}`;
  });
}

/**
 * The pooled headline metric with its 95% interval (bootstrap: sampling and
 * DP noise), and the sites' random-effects pool with its heterogeneity.
 */
function uncertaintyLines({ uncertainty }: RoundResults): string[] {
  if (uncertainty === null) return [];
  const pooled = Object.entries(uncertainty.pooled).flatMap(([name, m]) =>
    m === null
      ? []
      : [`${name} ${fixed(m.estimate, 3)} [${fixed(m.lower, 3)}, ${fixed(m.upper, 3)}]`],
  );
  const metric = Object.values(uncertainty.sites)[0]?.metric ?? '';
  const randomEffects = Object.entries(uncertainty.sites).flatMap(
    ([name, { randomEffects: re }]) =>
      re === null
        ? []
        : [
            `${name} ${fixed(re.pooled, 3)} [${fixed(re.lower, 3)}, ${fixed(re.upper, 3)}] I2 ${Math.round(re.i2 * 100)}%`,
          ],
  );
  return [
    `pooled ${metric} with 95% interval (sampling + DP noise): ${pooled.join(', ')}`,
    `random effects over sites (DerSimonian-Laird): ${randomEffects.join(', ')}`,
  ];
}

/** Blocks sites suppressed as smaller than their minimum cell size (left out of their rows). */
function suppressionLines(results: RoundResults): string[] {
  return results.sites.flatMap(({ nodeId, metrics }) =>
    metrics === null || metrics.suppressed.length === 0
      ? []
      : [`suppressed by ${nodeId} (small cells): ${metrics.suppressed.join(', ')}`],
  );
}

function legend(task: TaskDefinition): string {
  return task.kind === 'binary'
    ? 'Each label: AUROC sensitivity/specificity at score >= 0.5, from noisy score histograms; ' +
        `~ marks fewer than ${String(FEW_POSITIVES)} positives; noise: a class count within two ` +
        'noise SDs of 0, not estimable at this rho.'
    : 'Each target: MAE RMSE (in its unit), from noisy error histograms; noise: a count of ' +
        'predictions within two noise SDs of 0, not estimable at this rho.';
}

function fixed(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits).replace(/^0\./, '.');
}
