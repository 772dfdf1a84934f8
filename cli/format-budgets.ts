import { epsilonForRho, REPORTED_DELTA } from '../benchmark/privacy/accounting.js';
import { parseRational, sub, toNumber } from '../benchmark/privacy/rational.js';
import type { RoundResults } from '../coordinator/core/round-results.js';

/**
 * Each site's budget as it last published it with a release (rounds in
 * launch order), and the refusal of a later round, if any: what a
 * coordinator can show about privacy spent without any site's ledger.
 */
export function formatBudgetLines(rounds: readonly RoundResults[]): string[] {
  const bySite = new Map<string, { published?: string; refused?: string }>();
  for (const { sites } of rounds) {
    for (const site of sites) {
      const entry = bySite.get(site.nodeId) ?? {};
      if (site.budget !== null) bySite.set(site.nodeId, { published: publishedLine(site.budget) });
      else if (site.errorCode !== null)
        bySite.set(site.nodeId, { ...entry, refused: site.errorCode });
    }
  }
  return [
    `Privacy budget per site (as published with its last release; eps at delta=${REPORTED_DELTA}):`,
    ...[...bySite].map(
      ([site, { published, refused }]) =>
        `  ${site.padEnd(14)} ${published ?? 'no budget published'}` +
        (refused === undefined ? '' : `; then refused: ${refused}`),
    ),
  ];
}

function publishedLine(budget: { total_rho: string; remaining_rho: string }): string {
  const total = parseRational(budget.total_rho);
  const spent = toNumber(sub(total, parseRational(budget.remaining_rho)));
  const eps = spent > 0 ? epsilonForRho(spent, REPORTED_DELTA).toFixed(2) : '0';
  return `spent rho ${spent.toFixed(3)} of ${toNumber(total).toFixed(3)} (eps ${eps})`;
}
