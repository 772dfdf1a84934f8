import { loadNodeConfig } from '../../node/config.js';
import { budgetReport } from '../budget/budget-report.js';
import { readDatasetLedger } from '../budget/read-dataset-ledger.js';
import type { DemoSite } from './demo-layout.js';
import { DEMO_DATASET } from './demo-layout.js';

/**
 * What each hospital's own ledger says (`centile node budget`, read-only
 * beside the running node): the authoritative spend, which the budgets the
 * sites published must match.
 */
export async function ledgerLines(sites: readonly DemoSite[]): Promise<string[]> {
  const lines = ['Each node’s own ledger (centile node budget --config <node.json>):'];
  for (const site of sites) {
    const config = loadNodeConfig(site.config);
    const reading = await readDatasetLedger(config.stateDir, DEMO_DATASET);
    const { budget, problems } = budgetReport(DEMO_DATASET, reading, config.privacy);
    const verdict =
      problems.length === 0 ? 'chain verified' : problems.map((p) => p.code).join(', ');
    const numbers =
      budget === null
        ? 'no ledger'
        : `spent rho ${budget.spent_rho.exact} of ${budget.total_rho.exact}, ` +
          `${budget.releases_committed} releases, ${budget.refusals} refused`;
    lines.push(`  ${site.name.padEnd(14)} ${numbers}; ${verdict}`);
  }
  return lines;
}
