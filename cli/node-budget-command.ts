import { parseArgs } from 'node:util';
import { loadNodeConfig } from '../node/config.js';
import { budgetReport } from './budget/budget-report.js';
import type { DatasetBudgetReport } from './budget/budget-report.js';
import { formatBudgetReport } from './budget/format-budget-report.js';
import { readDatasetLedger } from './budget/read-dataset-ledger.js';
import { requireArg } from './privacy/privacy-args.js';

/** What `centile node budget --json` prints. */
export interface NodeBudgetReport {
  readonly node: string;
  readonly datasets: readonly DatasetBudgetReport[];
}

/**
 * `centile node budget --config FILE [--json]`: each dataset's privacy budget
 * from its ledger, for hospital IT. Read-only and lock-free, so it runs beside
 * a live node. Returns the exit code: 1 when a ledger fails verification or
 * the node would refuse it, else 0.
 */
export async function nodeBudgetCommand(
  args: string[],
  out: (line: string) => void,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string' }, json: { type: 'boolean' } },
  });
  const config = loadNodeConfig(requireArg(values.config, '--config'));
  // One dataset per node today; the report is a list so more fit without a format change.
  const datasets: DatasetBudgetReport[] = [];
  for (const name of [config.dataset.name]) {
    const reading = await readDatasetLedger(config.stateDir, name);
    datasets.push(budgetReport(name, reading, config.privacy));
  }
  const report: NodeBudgetReport = { node: config.name, datasets };
  if (values.json === true) out(JSON.stringify(report, null, 2));
  else {
    out(`node ${config.name} (state folder ${config.stateDir})`);
    datasets.forEach((dataset) => formatBudgetReport(dataset).forEach((line) => out(line)));
  }
  return datasets.some((dataset) => dataset.problems.length > 0) ? 1 : 0;
}
