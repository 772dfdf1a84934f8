import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { epsilonForRho } from '../../../../benchmark/privacy/accounting.js';
import { parseRational } from '../../../../benchmark/privacy/rational.js';
import { requireTask, TASK_CATALOG } from '../../../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../../../benchmark/tasks/task-definition.js';
import { releaseSensitivitySquared } from '../../../../benchmark/tasks/task-release.js';
import { REPORTED_DELTA } from '../../../../benchmark/privacy/accounting.js';
import type { RhoExplanation } from '../../../../cli/privacy/privacy-explain-command.js';
import {
  explainRho,
  formatExplanation,
  privacyExplainCommand,
} from '../../../../cli/privacy/privacy-explain-command.js';

function run(args: string[]): string[] {
  const lines: string[] = [];
  privacyExplainCommand(args, (line) => lines.push(line));
  return lines;
}

describe('centile privacy explain', () => {
  it('converts rho to epsilon with the tight CKS20 conversion (privacy.md §5 reference values)', () => {
    for (const [rho, epsilon] of [
      ['0.01', '0.622'],
      ['0.05', '1.472'],
      ['0.1', '2.142'],
      ['0.25', '3.542'],
      ['1', '7.766'],
    ] as const) {
      const x = explainRho(parseRational(rho), 1e-6);
      assert.equal(x.epsilon, epsilonForRho(Number(rho), 1e-6));
      assert.equal(x.epsilon.toFixed(3), epsilon, rho);
    }
    assert.equal(explainRho(parseRational('0.05'), 1e-9).epsilon.toFixed(3), '1.882');
  });

  it('gives sigma^2 = Delta^2/(2 rho) exactly, per unit and for every catalog task', () => {
    const x = explainRho(parseRational('3/7'), 1e-6);
    assert.equal(x.rho, '3/7');
    assert.equal(x.sigma2_per_unit_l2, '7/6');
    assert.ok(Math.abs(x.sigma_per_unit_l2 - Math.sqrt(7 / 6)) < 1e-12);
    assert.deepEqual(
      x.tasks.map((t) => t.task),
      TASK_CATALOG.map(taskKey),
    );
    TASK_CATALOG.forEach((task, i) => {
      const s2 = releaseSensitivitySquared(task);
      const row = x.tasks[i];
      assert.equal(row?.l2_sensitivity_squared, String(s2));
      assert.equal(row.sigma, Math.sqrt((Number(s2) * 7) / 6));
    });
  });

  it('prints one JSON object with delta = REPORTED_DELTA by default', () => {
    const lines = run(['--rho', '0.05', '--json']);
    assert.equal(lines.length, 1);
    const x = JSON.parse(lines[0] ?? '') as RhoExplanation;
    assert.equal(x.delta, REPORTED_DELTA);
    assert.equal(x.rho, '1/20');
    assert.equal(x.epsilon.toFixed(3), '1.472');
  });

  it('prints rho exactly, epsilon at delta, and a row per task', () => {
    const rho = parseRational('0.05');
    const lines = formatExplanation(explainRho(rho, 1e-6), rho);
    assert.equal(lines[0], 'rho = 1/20 (0.05): zCDP, the unit the ledger charges');
    assert.ok(lines[1]?.startsWith('epsilon = 1.472 at delta = 1e-6 '));
    assert.ok(lines[2]?.includes('sigma = 3.162 (sigma^2 = 10 = 1/(2 rho))'));
    const status = lines.find((line) => line.trim().startsWith('growth.status/v1'));
    const s2 = releaseSensitivitySquared(requireTask('growth.status/v1'));
    assert.deepEqual(status?.trim().split(/\s+/).slice(1, 3), [String(s2), String(s2 * 10n)]);
  });

  it('refuses a missing or non-positive rho and a delta outside (0, 1) with USAGE', () => {
    for (const args of [[], ['--rho', '0'], ['--rho=-1'], ['--rho', '0.1', '--delta', '0']]) {
      assert.throws(
        () => run(args),
        (error: unknown) => hasCode(error, 'USAGE'),
        args.join(' '),
      );
    }
  });
});
