import { parseArgs } from 'node:util';
import { gaussianSigma2ForRho, REPORTED_DELTA } from '../../benchmark/privacy/accounting.js';
import { formatRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../benchmark/tasks/task-definition.js';
import { releaseSensitivitySquared } from '../../benchmark/tasks/task-release.js';
import { parseDeltaArg, parsePositiveRationalArg, requireArg } from './privacy-args.js';
import {
  approxNumber,
  epsilonAtDelta,
  formatApprox,
  formatDelta,
  formatExact,
  sigmaOf,
} from './privacy-display.js';

/** The noise one catalog task's release gets at a given ρ. */
export interface TaskNoise {
  readonly task: string;
  /** Squared L2 sensitivity of the release for one child (an integer). */
  readonly l2_sensitivity_squared: string;
  /** Variance parameter of the discrete Gaussian, exact "p/q". */
  readonly sigma2: string;
  /** √σ², for reading. */
  readonly sigma: number;
}

/** What `centile privacy explain --json` prints. Strings are exact; numbers are for reading. */
export interface RhoExplanation {
  readonly rho: string;
  readonly rho_decimal: number;
  readonly delta: number;
  /** ε of the tight CKS20 zCDP → (ε, δ) conversion. */
  readonly epsilon: number;
  /** σ² and σ of the discrete Gaussian for L2 sensitivity 1: σ² = 1/(2ρ). */
  readonly sigma2_per_unit_l2: string;
  readonly sigma_per_unit_l2: number;
  readonly tasks: readonly TaskNoise[];
}

/** ρ as (ε, δ) and as the Gaussian noise it buys, per unit of sensitivity and per catalog task. */
export function explainRho(rho: Rational, delta: number): RhoExplanation {
  const unit = gaussianSigma2ForRho(1n, rho);
  return {
    rho: formatRational(rho),
    rho_decimal: approxNumber(rho),
    delta,
    epsilon: epsilonAtDelta(rho, delta),
    sigma2_per_unit_l2: formatRational(unit),
    sigma_per_unit_l2: sigmaOf(unit),
    tasks: TASK_CATALOG.map((task) => {
      const sensitivity2 = releaseSensitivitySquared(task);
      const sigma2 = gaussianSigma2ForRho(sensitivity2, rho);
      return {
        task: taskKey(task),
        l2_sensitivity_squared: String(sensitivity2),
        sigma2: formatRational(sigma2),
        sigma: sigmaOf(sigma2),
      };
    }),
  };
}

/** The readable form of an explanation, one line per item. */
export function formatExplanation(x: RhoExplanation, rho: Rational): string[] {
  const width = Math.max(...x.tasks.map((t) => t.task.length), 'task'.length) + 2;
  const row = (cells: readonly string[]) =>
    `  ${(cells[0] ?? '').padEnd(width)}${(cells[1] ?? '').padStart(6)}  ${(cells[2] ?? '').padStart(12)}  ${(cells[3] ?? '').padStart(8)}`;
  return [
    `rho = ${formatExact(rho)}: zCDP, the unit the ledger charges`,
    `epsilon = ${formatApprox(x.epsilon)} at delta = ${formatDelta(x.delta)} (tight conversion of Canonne, Kamath & Steinke 2020; for reading only)`,
    `discrete Gaussian per unit of L2 sensitivity: sigma = ${formatApprox(x.sigma_per_unit_l2)} (sigma^2 = ${x.sigma2_per_unit_l2} = 1/(2 rho))`,
    'noise on each task release at this rho (L2^2: squared L2 sensitivity for one child):',
    row(['task', 'L2^2', 'sigma^2', 'sigma']),
    ...x.tasks.map((t) => row([t.task, t.l2_sensitivity_squared, t.sigma2, formatApprox(t.sigma)])),
  ];
}

/** `centile privacy explain --rho R [--delta D] [--json]`. */
export function privacyExplainCommand(args: string[], out: (line: string) => void): void {
  const { values } = parseArgs({
    args,
    options: { rho: { type: 'string' }, delta: { type: 'string' }, json: { type: 'boolean' } },
  });
  const rho = parsePositiveRationalArg(requireArg(values.rho, '--rho'), '--rho');
  const delta = values.delta === undefined ? REPORTED_DELTA : parseDeltaArg(values.delta).value;
  const explanation = explainRho(rho, delta);
  if (values.json === true) out(JSON.stringify(explanation));
  else formatExplanation(explanation, rho).forEach((line) => out(line));
}
