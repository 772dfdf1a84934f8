/**
 * Opens a dataset's budget ledger the way a node must (privacy.md §8): the
 * hash of its first entry is registered in a file of its own beside the
 * ledgers, so a ledger that was deleted, truncated or replaced no longer
 * matches and the dataset refuses every task. A ledger that cannot be opened
 * does not stop the node: it keeps serving and refuses that dataset's tasks
 * with the ledger's own error code, which hospital IT sees in the log and in
 * `centile node budget`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CentileError } from '../../benchmark/errors.js';
import type { BudgetStatus } from '../../benchmark/privacy/budget-ledger.js';
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';
import { parseRational } from '../../benchmark/privacy/rational.js';
import type { PrivacyPolicyConfig } from '../config.js';
import type { BudgetLedgerPort } from '../core/ports.js';
import { openBudgetLedger } from '../privacy/budget-ledger.js';
import type { JsonlBudgetLedger } from '../privacy/budget-ledger.js';
import { writeFileAtomically } from '../privacy/durable-file.js';
import { ReleaseLedger } from './release-ledger.js';

const REGISTRY_FILE = 'ledger-registry.json';

/** A dataset's ledger as the node holds it: `failure` says why it refuses everything, if it does. */
export interface DatasetLedger extends BudgetLedgerPort {
  readonly failure?: CentileError;
  /** Releases the ledger's lock (at shutdown). */
  close(): void;
}

/** Dataset name → hex hash of its ledger's GENESIS entry. */
type Registry = Record<string, string>;

/** Where a dataset's ledger lives under the node's state folder. */
export function ledgerDir(stateDir: string, dataset: string): string {
  return path.join(stateDir, 'ledger', dataset);
}

/**
 * The dataset's ledger, registered on first use and checked against the
 * registry after; or, when it cannot be opened, one that refuses everything.
 */
export function openDatasetLedger(
  stateDir: string,
  dataset: string,
  lineage: string,
  policy: PrivacyPolicyConfig,
): DatasetLedger {
  try {
    return new ReleaseLedger(openRegisteredLedger(stateDir, dataset, lineage, policy));
  } catch (error) {
    if (!(error instanceof CentileError)) throw error;
    return refusingLedger(error);
  }
}

/** Opens the ledger read-write and registers or checks its genesis hash. */
function openRegisteredLedger(
  stateDir: string,
  dataset: string,
  lineage: string,
  policy: PrivacyPolicyConfig,
): JsonlBudgetLedger {
  const registry = readRegistry(stateDir);
  const expected = registry[dataset];
  const ledger = openBudgetLedger({
    dir: ledgerDir(stateDir, dataset),
    datasetLineage: lineage,
    totalRho: parseRational(policy.totalRho),
    maxRhoPerRequest: parseRational(policy.maxRhoPerRequest),
    ...(policy.maxRhoPerOwner === undefined
      ? {}
      : { maxRhoPerOwner: parseRational(policy.maxRhoPerOwner) }),
    ...(expected === undefined ? {} : { expectedGenesisHash: expected }),
  });
  if (expected === undefined) {
    const updated = { ...registry, [dataset]: ledger.genesisHash() };
    writeFileAtomically(
      path.join(stateDir, REGISTRY_FILE),
      new TextEncoder().encode(`${JSON.stringify(updated, null, 2)}\n`),
    );
  }
  return ledger;
}

/** The genesis hash registered for `dataset`, if any (throws `LEDGER_CORRUPT` on an unreadable registry). */
export function registeredGenesis(stateDir: string, dataset: string): string | undefined {
  return readRegistry(stateDir)[dataset];
}

function readRegistry(stateDir: string): Registry {
  const file = path.join(stateDir, REGISTRY_FILE);
  if (!existsSync(file)) return {};
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (isRegistry(value)) return value;
  } catch {
    // reported below
  }
  throw privacyError('LEDGER_CORRUPT', `${REGISTRY_FILE} is unreadable`);
}

function isRegistry(value: unknown): value is Registry {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((hash) => typeof hash === 'string')
  );
}

/** A ledger whose every call fails with `failure`: the dataset runs no task. */
export function refusingLedger(failure: CentileError): DatasetLedger {
  const refuse = (): never => {
    throw failure;
  };
  return {
    failure,
    reserve: refuse,
    commit: refuse,
    findRelease: refuse,
    isReserved: refuse,
    status: (): BudgetStatus => refuse(),
    close: () => undefined,
  };
}
