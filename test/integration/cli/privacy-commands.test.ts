import { strict as assert } from 'node:assert';
import { epsilonForRho } from '../../../benchmark/privacy/accounting.js';
import { TASK_CATALOG } from '../../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../../benchmark/tasks/task-definition.js';
import { releaseSensitivitySquared } from '../../../benchmark/tasks/task-release.js';
import type { RhoExplanation } from '../../../cli/privacy/privacy-explain-command.js';
import { hasStackTrace, runCli } from '../../helpers/run-cli.js';

/** Mean and (unbiased) variance of printed integers. */
function moments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, variance: squares / (values.length - 1) };
}

/** The printed lines as integers, asserting each one is an integer. */
function integersOf(stdout: string): number[] {
  assert.ok(stdout.endsWith('\n'));
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      assert.match(line, /^-?\d+$/);
      return Number(line);
    });
}

describe('centile privacy (the CLI as a child process)', function () {
  this.timeout(120_000);

  describe('privacy explain', () => {
    it('prints epsilon at delta = 1e-6 by the tight conversion, and sigma per task', async () => {
      const run = await runCli(['privacy', 'explain', '--rho', '0.05', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const x = JSON.parse(run.stdout) as RhoExplanation;
      assert.equal(x.rho, '1/20');
      assert.equal(x.delta, 1e-6);
      assert.equal(x.epsilon, epsilonForRho(0.05, 1e-6));
      // Checked independently by a grid search over α of the CKS20 bound (and privacy.md §5).
      assert.equal(x.epsilon.toFixed(3), '1.472');
      assert.equal(x.sigma2_per_unit_l2, '10');
      assert.ok(Math.abs(x.sigma_per_unit_l2 - Math.sqrt(10)) < 1e-12);
      assert.deepEqual(
        x.tasks.map((t) => [t.task, t.l2_sensitivity_squared, t.sigma2]),
        TASK_CATALOG.map((task) => {
          const s2 = releaseSensitivitySquared(task);
          return [taskKey(task), String(s2), String(s2 * 10n)];
        }),
      );
    });

    it('takes p/q and another delta, and prints a readable report without --json', async () => {
      const run = await runCli(['privacy', 'explain', '--rho', '1/20', '--delta', '1e-9']);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.ok(lines[0]?.startsWith('rho = 1/20 (0.05)'));
      assert.ok(
        lines[1]?.startsWith(`epsilon = ${epsilonForRho(0.05, 1e-9).toFixed(3)} at delta = 1e-9`),
      );
      assert.ok(lines.some((line) => line.trim().startsWith('growth.status/v1')));
    });

    it('refuses rho <= 0 and delta outside (0, 1) with USAGE, exit 2 and no stack trace', async () => {
      // Every bad value is covered by the unit tests; these check what the user sees.
      const runs = await Promise.all([
        runCli(['privacy', 'explain', '--rho', '0']),
        runCli(['privacy', 'explain', '--rho', '0.1', '--delta', '1']),
      ]);
      for (const run of runs) {
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^error USAGE: /);
        assert.equal(hasStackTrace(run.stderr), false, run.stderr);
      }
    });
  });

  describe('privacy sample', () => {
    const K = 20_000;

    it('gaussian: K integers around V with variance sigma^2 = N^2/(2 rho)', async () => {
      const run = await runCli([
        ...['privacy', 'sample', '--mechanism', 'gaussian', '--sensitivity', '2'],
        ...['--rho', '1/2', '--value=-7', '--count', String(K)],
      ]);
      assert.equal(run.code, 0, run.stderr);
      const values = integersOf(run.stdout);
      assert.equal(values.length, K);
      // σ² = 4/(2·½) = 4; a discrete Gaussian this wide has variance σ² to many digits.
      const sigma2 = 4;
      const { mean, variance } = moments(values);
      assert.ok(Math.abs(mean + 7) < 6 * Math.sqrt(sigma2 / K), `mean ${mean}`);
      // ±10% is ten standard errors of the sample variance, yet catches σ² = N/(2ρ) = 2.
      assert.ok(Math.abs(variance / sigma2 - 1) < 0.1, `variance ${variance}`);
    });

    it('laplace: K integers around V with variance 2a/(1-a)^2, a = exp(-epsilon/N)', async () => {
      const run = await runCli([
        ...['privacy', 'sample', '--mechanism', 'laplace', '--sensitivity', '1'],
        ...['--epsilon', '0.5', '--value', '1000', '--count', String(K)],
      ]);
      assert.equal(run.code, 0, run.stderr);
      const values = integersOf(run.stdout);
      assert.equal(values.length, K);
      const a = Math.exp(-0.5);
      const expected = (2 * a) / (1 - a) ** 2;
      const { mean, variance } = moments(values);
      assert.ok(Math.abs(mean - 1000) < 6 * Math.sqrt(expected / K), `mean ${mean}`);
      // Laplace kurtosis is 6: ±10% is still about six standard errors of the sample variance.
      assert.ok(Math.abs(variance / expected - 1) < 0.1, `variance ${variance}`);
    });

    it('refuses mixed parameters with USAGE, exit 2, no stack trace and no output', async () => {
      const base = ['--sensitivity', '1', '--value', '0', '--count', '10'];
      const runs = await Promise.all([
        runCli(['privacy', 'sample', '--mechanism', 'gaussian', '--epsilon', '1', ...base]),
        runCli(['privacy', 'sample', '--mechanism', 'laplace', '--rho', '1', ...base]),
      ]);
      for (const run of runs) {
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^error USAGE: /);
        assert.equal(hasStackTrace(run.stderr), false, run.stderr);
        assert.equal(run.stdout, '');
      }
    });
  });
});
