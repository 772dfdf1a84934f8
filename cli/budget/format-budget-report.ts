import { formatApprox, formatDelta } from '../privacy/privacy-display.js';
import type { BudgetNumbers, DatasetBudgetReport, RhoAmount } from './budget-report.js';

// A long list of stuck reservations would bury the numbers; the JSON has them all.
const MAX_LISTED_IDS = 10;

function rho(amount: RhoAmount): string {
  const decimal = formatApprox(amount.decimal);
  return amount.exact === decimal ? amount.exact : `${amount.exact} (${decimal})`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED_IDS).join(', ');
  return ids.length > MAX_LISTED_IDS
    ? `${shown}, ... (${ids.length - MAX_LISTED_IDS} more)`
    : shown;
}

/** Readable lines for one dataset, as `centile node budget` prints them. */
export function formatBudgetReport(report: DatasetBudgetReport): string[] {
  const lines = [`dataset ${report.dataset}`];
  if (!report.privacy_policy) {
    lines.push('  no privacy policy in the config: the node refuses every task');
  }
  lines.push(`  ledger: ${ledgerLine(report)}`);
  if (report.budget !== null) lines.push(...numberLines(report.budget));
  for (const problem of report.problems) {
    const where = problem.line === undefined ? '' : ` (ledger.jsonl line ${problem.line})`;
    lines.push(`  problem ${problem.code}: ${problem.message}${where}`);
  }
  if (report.ledger === 'failed') {
    lines.push('  the node refuses every task on this dataset until the ledger is restored');
  }
  return lines;
}

function ledgerLine(report: DatasetBudgetReport): string {
  switch (report.ledger) {
    case 'none':
      return 'none yet (the node has not opened it: nothing spent)';
    case 'failed':
      return 'FAILS verification';
    case 'verified':
      return report.genesis_registered
        ? 'hash chain verified; GENESIS matches the registry'
        : 'hash chain verified; GENESIS not yet in the registry (the node records it on next start)';
  }
}

function numberLines(b: BudgetNumbers): string[] {
  const configured =
    b.configured_total_rho === null ? 'no policy' : `configured ${rho(b.configured_total_rho)}`;
  const lines = [
    `  total rho:     ${rho(b.total_rho)} (${configured}, registered ${rho(b.recorded_total_rho)})`,
    `  spent rho:     ${rho(b.spent_rho)} = epsilon ${formatApprox(b.epsilon_spent)} at delta ${formatDelta(b.delta)}; reservations count as spent`,
    `  remaining rho: ${rho(b.remaining_rho)}`,
    `  releases committed: ${b.releases_committed}`,
    `  reserved, not committed: ${b.reserved_uncommitted.length}${b.reserved_uncommitted.length === 0 ? '' : ` (in progress, or the node stopped first; still spent): ${listIds(b.reserved_uncommitted)}`}`,
    `  refusals: ${b.refusals}${
      b.refusals === 0
        ? ''
        : ` (${Object.entries(b.refusals_by_reason)
            .map(([reason, n]) => `${reason} ${n}`)
            .join(', ')})`
    }`,
  ];
  for (const { owner, spent_rho, cap_rho } of b.owners) {
    lines.push(
      `  owner ${owner}: spent ${rho(spent_rho)}${cap_rho === null ? '' : ` of ${rho(cap_rho)}`}`,
    );
  }
  return lines;
}
