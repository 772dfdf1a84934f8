import type { BinnedBinaryMetrics } from '../benchmark/metrics/binned-binary.js';
import { epsilonForRho } from '../benchmark/privacy/accounting.js';
import { parseRational, toNumber } from '../benchmark/privacy/rational.js';
import { STATUS_LABELS } from '../benchmark/tasks/growth-status-contract.js';
import type { RoundResults, StatusMetrics } from '../coordinator/core/round-results.js';

/** δ at which ρ is shown as ε for people. */
export const DISPLAY_DELTA = 1e-6;

const LABEL_WIDTH = 15;

/** The cross-site table: one row per site, then the pooled row. */
export function formatResultsTable(results: RoundResults): string[] {
  const header = [
    'site'.padEnd(14),
    'status'.padEnd(9),
    'children'.padStart(8),
    'rho'.padStart(6),
    'eps'.padStart(5),
  ]
    .concat(STATUS_LABELS.map((l) => l.padStart(LABEL_WIDTH)))
    .join(' ');
  const rows = results.sites.map((site) =>
    row(site.nodeId, site.errorCode ?? site.state, site.metrics, site.rho),
  );
  const pooled = row('POOLED', results.round.state, results.pooled, null);
  return [
    `round ${results.round.id}  task ${results.round.benchmarkTask}  model ${results.round.modelDigest.slice(0, 12)}`,
    header,
    '-'.repeat(header.length),
    ...rows,
    '-'.repeat(header.length),
    pooled,
    '',
    'Each label: AUROC sensitivity/specificity at score >= 0.5, from noisy score histograms.',
    `children is a noisy count; rho is zCDP spent by the site; eps is (eps, delta=${DISPLAY_DELTA})-DP.`,
  ];
}

function row(
  site: string,
  status: string,
  metrics: StatusMetrics | null,
  rho: string | null,
): string {
  const rhoValue = rho === null ? null : toNumber(parseRational(rho));
  const cells = [
    site.slice(0, 14).padEnd(14),
    status.slice(0, 9).padEnd(9),
    (metrics === null ? '-' : String(Math.round(metrics.children))).padStart(8),
    (rhoValue === null ? '' : rhoValue.toFixed(3)).padStart(6),
    (rhoValue === null ? '' : epsilonForRho(rhoValue, DISPLAY_DELTA).toFixed(2)).padStart(5),
  ];
  const labels = STATUS_LABELS.map((label) =>
    labelCell(metrics?.labels[label]).padStart(LABEL_WIDTH),
  );
  return cells.concat(labels).join(' ');
}

function labelCell(m: BinnedBinaryMetrics | undefined): string {
  if (m === undefined) return '-';
  return `${fixed(m.auroc, 3)} ${fixed(m.sensitivity, 2)}/${fixed(m.specificity, 2)}`;
}

function fixed(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits).replace(/^0\./, '.');
}
