import { strict as assert } from 'node:assert';
import { parseRational } from '../../../../benchmark/privacy/rational.js';
import { budgetReport } from '../../../../cli/budget/budget-report.js';
import { formatBudgetReport } from '../../../../cli/budget/format-budget-report.js';
import type { LedgerReading } from '../../../../cli/budget/read-dataset-ledger.js';
import type { PrivacyPolicyConfig } from '../../../../node/config.js';
import type { LedgerState } from '../../../../node/privacy/ledger-state.js';

const q = parseRational;
const POLICY: PrivacyPolicyConfig = {
  totalRho: '0.5',
  maxRhoPerRequest: '0.1',
  maxRhoPerOwner: undefined,
  minCellSize: 11,
  allowedTasks: [],
  allowedOwners: undefined,
  publishBudget: false,
};

/** A replayed ledger: `reserved` request ids (each 1/100 ρ), the first `committed` of them released. */
function state(reserved: number, committed: number, recordedTotal = '1'): LedgerState {
  const ids = Array.from({ length: reserved }, (_, i) => `r${i + 1}`);
  return {
    datasetLineage: 'lineage',
    genesisHash: 'a'.repeat(64),
    recordedTotalRho: q(recordedTotal),
    spentRho: q(`${reserved}/100`),
    nextSeq: 1 + reserved + committed,
    lastHash: 'b'.repeat(64),
    reserved: new Map(ids.map((id) => [id, { rho: q('0.01'), owner: 'alice' }])),
    committed: new Map(
      ids.slice(0, committed).map((id) => [id, { releaseHash: 'c'.repeat(64), releaseBytes: 10 }]),
    ),
    ownerSpent: new Map([['alice', q(`${reserved}/100`)]]),
  };
}

function verified(s: LedgerState, changedReleases: string[] = []): LedgerReading {
  return {
    status: 'verified',
    state: s,
    refusals: new Map([['BUDGET_EXHAUSTED', 2]]),
    genesisRegistered: true,
    changedReleases,
  };
}

describe('node budget report', () => {
  it('takes the lower of configured and registered totals; reservations count as spent', () => {
    const report = budgetReport('growth', verified(state(3, 2)), POLICY);
    assert.deepEqual(report.problems, []);
    const b = report.budget;
    assert.equal(b?.total_rho.exact, '1/2');
    assert.equal(b.spent_rho.exact, '3/100');
    assert.equal(b.remaining_rho.exact, '47/100');
    assert.equal(b.releases_committed, 2);
    assert.deepEqual(b.reserved_uncommitted, ['r3']);
    assert.equal(b.refusals, 2);
    assert.deepEqual(b.owners, [
      { owner: 'alice', spent_rho: { exact: '3/100', decimal: 0.03 }, cap_rho: null },
    ]);
  });

  it('flags a configured cap above the registered one (the node refuses: LEDGER_CAP_RAISED)', () => {
    const report = budgetReport('growth', verified(state(1, 1, '0.2')), POLICY);
    assert.deepEqual(
      report.problems.map((p) => p.code),
      ['LEDGER_CAP_RAISED'],
    );
    assert.equal(report.budget?.total_rho.exact, '1/5');
  });

  it('never shows negative remaining budget', () => {
    const report = budgetReport('growth', verified(state(30, 30, '0.2')), undefined);
    assert.equal(report.budget?.remaining_rho.exact, '0');
    assert.equal(report.budget.configured_total_rho, null);
  });

  it('flags changed release files but still shows the numbers', () => {
    const report = budgetReport('growth', verified(state(2, 2), ['r2']), POLICY);
    assert.deepEqual(
      report.problems.map((p) => p.code),
      ['LEDGER_CORRUPT'],
    );
    assert.notEqual(report.budget, null);
  });

  it('has no numbers for a missing or failed ledger', () => {
    const none = budgetReport('growth', { status: 'none' }, POLICY);
    assert.deepEqual([none.budget, none.problems], [null, []]);
    const problem = {
      code: 'LEDGER_CORRUPT',
      message: 'budget ledger failed verification',
      line: 3,
    };
    const failed = budgetReport('growth', { status: 'failed', problem }, POLICY);
    assert.deepEqual([failed.budget, failed.problems], [null, [problem]]);
    assert.deepEqual(formatBudgetReport(failed).slice(1, 3), [
      '  ledger: FAILS verification',
      '  problem LEDGER_CORRUPT: budget ledger failed verification (ledger.jsonl line 3)',
    ]);
  });

  it('prints a readable report, listing at most ten stuck reservations', () => {
    const lines = formatBudgetReport(budgetReport('growth', verified(state(14, 2)), undefined));
    assert.equal(lines[0], 'dataset growth');
    assert.equal(lines[1], '  no privacy policy in the config: the node refuses every task');
    assert.ok(lines.includes('  total rho:     1 (no policy, registered 1)'));
    const stuck = lines.find((line) => line.startsWith('  reserved, not committed: 12 '));
    assert.ok(stuck?.endsWith('r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, ... (2 more)'), stuck);
    assert.ok(lines.includes('  refusals: 2 (BUDGET_EXHAUSTED 2)'));
    assert.ok(lines.includes('  owner alice: spent 7/50 (0.14)'));
  });
});
