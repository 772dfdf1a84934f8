/**
 * The budget of one dataset as hospital IT reads it: what the verified ledger
 * says, under the limits of the node's config. Amounts of ρ are exact "p/q"
 * with a decimal beside; ε is the tight CKS20 conversion at δ = 1e-6, for
 * reading only. Post-processing of the ledger: nothing here writes.
 */
import {
  compare,
  createRational,
  formatRational,
  minRational,
  parseRational,
  sub,
} from '../../benchmark/privacy/rational.js';
import { REPORTED_DELTA } from '../../benchmark/privacy/accounting.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import type { PrivacyPolicyConfig } from '../../node/config.js';
import { approxNumber, epsilonAtDelta } from '../privacy/privacy-display.js';
import type { BudgetProblem, LedgerReading } from './read-dataset-ledger.js';

/** An amount of ρ: exact text and a decimal to read. */
export interface RhoAmount {
  readonly exact: string;
  readonly decimal: number;
}

/** The numbers of a verified ledger. Spent counts every reservation, committed or not. */
export interface BudgetNumbers {
  /** min(configured total, total recorded at registration): caps only go down. */
  readonly total_rho: RhoAmount;
  readonly recorded_total_rho: RhoAmount;
  readonly configured_total_rho: RhoAmount | null;
  readonly spent_rho: RhoAmount;
  readonly remaining_rho: RhoAmount;
  readonly delta: number;
  readonly epsilon_spent: number;
  readonly epsilon_total: number;
  readonly releases_committed: number;
  /** Reserved and never committed: in progress, or the node stopped first. Still spent. */
  readonly reserved_uncommitted: readonly string[];
  readonly refusals: number;
  readonly refusals_by_reason: Readonly<Record<string, number>>;
  readonly owners: readonly { owner: string; spent_rho: RhoAmount; cap_rho: RhoAmount | null }[];
}

/** What `centile node budget --json` prints per dataset. */
export interface DatasetBudgetReport {
  readonly dataset: string;
  /** Without a privacy policy the node refuses every task. */
  readonly privacy_policy: boolean;
  readonly ledger: LedgerReading['status'];
  /** Whether the GENESIS hash is in the node's registry (false also when there is no ledger). */
  readonly genesis_registered: boolean;
  readonly budget: BudgetNumbers | null;
  /** Anything here makes the command exit 1. */
  readonly problems: readonly BudgetProblem[];
}

function amount(r: Rational): RhoAmount {
  return { exact: formatRational(r), decimal: approxNumber(r) };
}

/** The report of one dataset from its ledger reading and the config's policy (if any). */
export function budgetReport(
  dataset: string,
  reading: LedgerReading,
  policy: PrivacyPolicyConfig | undefined,
): DatasetBudgetReport {
  const base = { dataset, privacy_policy: policy !== undefined, ledger: reading.status };
  if (reading.status !== 'verified') {
    const problems = reading.status === 'failed' ? [reading.problem] : [];
    return { ...base, genesis_registered: false, budget: null, problems };
  }
  const configured = policy === undefined ? undefined : parseRational(policy.totalRho);
  const problems: BudgetProblem[] = [];
  if (configured !== undefined && compare(configured, reading.state.recordedTotalRho) > 0) {
    problems.push({
      code: 'LEDGER_CAP_RAISED',
      message:
        'configured totalRho is above the cap registered in the ledger (caps only go down): the node refuses every task',
    });
  }
  if (reading.changedReleases.length > 0) {
    problems.push({
      code: 'LEDGER_CORRUPT',
      message: `${reading.changedReleases.length} stored release file(s) missing or changed: ${reading.changedReleases.join(', ')}`,
    });
  }
  return {
    ...base,
    genesis_registered: reading.genesisRegistered,
    budget: budgetNumbers(reading, configured, policy),
    problems,
  };
}

function budgetNumbers(
  reading: Extract<LedgerReading, { status: 'verified' }>,
  configured: Rational | undefined,
  policy: PrivacyPolicyConfig | undefined,
): BudgetNumbers {
  const { state } = reading;
  const total =
    configured === undefined
      ? state.recordedTotalRho
      : minRational(configured, state.recordedTotalRho);
  const left = sub(total, state.spentRho);
  const ownerCap =
    policy?.maxRhoPerOwner === undefined ? null : amount(parseRational(policy.maxRhoPerOwner));
  return {
    total_rho: amount(total),
    recorded_total_rho: amount(state.recordedTotalRho),
    configured_total_rho: configured === undefined ? null : amount(configured),
    spent_rho: amount(state.spentRho),
    remaining_rho: amount(left.num > 0n ? left : createRational(0n)),
    delta: REPORTED_DELTA,
    epsilon_spent: epsilonAtDelta(state.spentRho, REPORTED_DELTA),
    epsilon_total: epsilonAtDelta(total, REPORTED_DELTA),
    releases_committed: state.committed.size,
    reserved_uncommitted: [...state.reserved.keys()].filter((id) => !state.committed.has(id)),
    refusals: [...reading.refusals.values()].reduce((n, count) => n + count, 0),
    refusals_by_reason: Object.fromEntries(reading.refusals),
    owners: [...state.ownerSpent].map(([owner, spent]) => ({
      owner,
      spent_rho: amount(spent),
      cap_rho: ownerCap,
    })),
  };
}
