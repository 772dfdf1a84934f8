/**
 * `centile evaluate`'s report for people: per output the exact metrics,
 * per subgroup level the headline metric, the fairness gaps, and (with
 * `--privacy-rho`) what the coordinator would compute from the noisy release.
 */
import type { BinnedBinaryMetrics } from '../../benchmark/metrics/binned-binary.js';
import type { BinnedRegressionMetrics } from '../../benchmark/metrics/binned-regression.js';
import { outputColumns, taskKey } from '../../benchmark/tasks/task-definition.js';
import type { Evaluation, EvaluationRequest } from './run-evaluation.js';

type Row = Readonly<Record<string, number | null>>;

/** The report as lines. */
export function formatEvaluation(request: EvaluationRequest, evaluation: Evaluation): string[] {
  const { task } = request;
  const headline = task.kind === 'binary' ? 'auroc' : 'mae';
  const lines = [
    `${taskKey(task)} on ${request.format} data: ${String(evaluation.children)} children, ` +
      `${String(evaluation.examples)} examples; ${String(evaluation.ingest.rowsRejected)} of ` +
      `${String(evaluation.ingest.rowsRead)} records rejected (see \`centile data check\`).`,
    '',
    'Exact metrics (no noise):',
  ];
  for (const { name } of outputColumns(task)) {
    const report = evaluation.exact[name];
    if (report === undefined) continue;
    lines.push(
      `  ${name}: ${metricsText(report.all as Row)}; invalid predictions ${String(report.invalid)}`,
    );
    const subgroups = report.subgroups as Readonly<Record<string, Readonly<Record<string, Row>>>>;
    for (const [dimension, levels] of Object.entries(subgroups)) {
      const byLevel = Object.entries(levels).map(([level, m]) => `${level} ${fixed(m[headline])}`);
      const gaps = report.fairness[dimension] as Row | undefined;
      const gap = gaps === undefined ? '' : `  (gaps: ${metricsText(gaps)})`;
      lines.push(`    ${headline} by ${dimension}: ${byLevel.join(', ')}${gap}`);
    }
  }
  return [...lines, ...releaseLines(request, evaluation)];
}

function releaseLines(request: EvaluationRequest, evaluation: Evaluation): string[] {
  const { release } = evaluation;
  if (release === undefined) return [];
  const lines = [
    '',
    `With privacy (rho ${release.plan.rho}, sigma^2 ${release.plan.sigma2}, ` +
      `L2^2 sensitivity ${release.plan.l2SensitivitySquared}): what the coordinator would compute ` +
      `from this site's noisy release (${String(Math.round(release.metrics.examples))} examples):`,
  ];
  for (const { name } of outputColumns(request.task)) {
    const m = release.metrics.outputs[name];
    if (m !== undefined) lines.push(`  ${name}: ${binnedText(m)}`);
  }
  return lines;
}

function binnedText(m: BinnedBinaryMetrics | BinnedRegressionMetrics): string {
  if ('auroc' in m) {
    return `auroc ${fixed(m.auroc)} auprc ${fixed(m.auprc)} sensitivity ${fixed(m.sensitivity)} specificity ${fixed(m.specificity)} ece ${fixed(m.ece)}`;
  }
  return `mae ${fixed(m.mae)} rmse ${fixed(m.rmse)} bias ${fixed(m.bias)} mape ${fixed(m.mape)}`;
}

function metricsText(row: Row): string {
  return Object.entries(row)
    .map(([key, value]) => `${key} ${fixed(value)}`)
    .join(' ');
}

function fixed(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
