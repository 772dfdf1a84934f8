import { strict as assert } from 'node:assert';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { taskMetrics } from '../../../benchmark/tasks/task-metrics.js';
import { classSlot, releaseCellCount } from '../../../benchmark/tasks/task-release.js';
import { formatBudgetLines } from '../../../cli/format-budgets.js';
import { FEW_POSITIVES, formatResultsTable } from '../../../cli/format-results.js';
import type { RoundResults } from '../../../coordinator/core/round-results.js';
import type { RoundRecord } from '../../../coordinator/core/records.js';

/** A release with `positives` stunting cases scored high and 500 negatives scored low. */
function cells(positives: number): number[] {
  const vector = new Array<number>(releaseCellCount(GROWTH_STATUS)).fill(0);
  vector[0] = positives + 500;
  vector[classSlot(GROWTH_STATUS, 0, 0, true).start + 18] = positives;
  vector[classSlot(GROWTH_STATUS, 0, 0, false).start + 2] = 500;
  return vector;
}

function results(positives: number): RoundResults {
  const round = {
    id: 'round-1',
    benchmarkTask: 'growth.status/v1',
    modelDigest: 'ab'.repeat(32),
    state: 'complete',
  } as unknown as RoundRecord;
  const metrics = taskMetrics(GROWTH_STATUS, cells(positives));
  return {
    round,
    sites: [
      {
        nodeId: 'site-a',
        state: 'done',
        errorCode: null,
        rho: '1/20',
        epsilon: 0.9,
        budget: null,
        metrics,
      },
    ],
    pooled: metrics,
    uncertainty: null,
  };
}

describe('cli/formatResultsTable', () => {
  it('prints a row per site and the pooled row, with each label’s AUROC', () => {
    const lines = formatResultsTable(results(200));
    const site = lines.find((line) => line.startsWith('site-a'));
    assert.ok(site?.includes('1.000 1.00/1.00'), site);
    assert.ok(lines.some((line) => line.startsWith('POOLED')));
  });

  it('marks a label with few positives, whose metrics are mostly noise', () => {
    const few = formatResultsTable(results(FEW_POSITIVES - 1)).find((l) => l.startsWith('site-a'));
    assert.ok(few?.includes('~1.000'), few);
    const enough = formatResultsTable(results(FEW_POSITIVES)).find((l) => l.startsWith('site-a'));
    assert.ok(enough !== undefined && !enough.includes('~'), enough);
  });

  it('names the blocks a site suppressed', () => {
    const base = results(200);
    const metrics = taskMetrics(GROWTH_STATUS, cells(200), [7]);
    const site = { ...(base.sites[0] as RoundResults['sites'][number]), metrics };
    const lines = formatResultsTable({ ...base, sites: [site] });
    assert.ok(
      lines.includes('suppressed by site-a (small cells): sex=male/wasting'),
      lines.join('\n'),
    );
  });
});

describe('cli/formatBudgetLines', () => {
  it("shows each site's last published budget and a later refusal", () => {
    const base = results(200);
    const site = base.sites[0] as RoundResults['sites'][number];
    const spentOnce = { ...site, budget: { total_rho: '3/10', remaining_rho: '1/4' } };
    const exhausted = { ...site, budget: { total_rho: '3/10', remaining_rho: '0' } };
    const refused = {
      ...site,
      state: 'refused' as const,
      errorCode: 'BUDGET_EXHAUSTED',
      rho: null,
      epsilon: null,
      metrics: null,
    };
    const lines = formatBudgetLines([
      { ...base, sites: [spentOnce] },
      { ...base, sites: [exhausted] },
      { ...base, sites: [refused] },
    ]);
    assert.match(
      lines[1] ?? '',
      /^ {2}site-a\s+spent rho 0\.300 of 0\.300 \(eps \d+\.\d{2}\); then refused: BUDGET_EXHAUSTED$/,
    );
  });
});
