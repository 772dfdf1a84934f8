import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRational } from '../../../../benchmark/privacy/rational.js';
import type { PrivacyPolicyConfig } from '../../../../node/config.js';
import { ledgerDir, openDatasetLedger } from '../../../../node/state/dataset-ledger.js';

const POLICY: PrivacyPolicyConfig = {
  totalRho: '1',
  maxRhoPerRequest: '0.5',
  maxRhoPerOwner: '0.3',
  minCellSize: 11,
  allowedTasks: ['growth.status/v1'],
  allowedOwners: undefined,
  publishBudget: false,
};

describe('a dataset ledger as the node opens it', () => {
  let stateDir: string;
  beforeEach(() => (stateDir = mkdtempSync(path.join(tmpdir(), 'centile-dataset-ledger-'))));
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  const open = () => openDatasetLedger(stateDir, 'growth', 'lineage-1', POLICY);
  const code = (action: () => unknown): string => {
    try {
      action();
    } catch (error) {
      return (error as { code?: string }).code ?? 'no code';
    }
    return 'no error';
  };

  it('registers the ledger on first use and opens it again after', () => {
    const first = open();
    assert.equal(first.failure, undefined);
    first.reserve({ requestId: 'r1', rho: parseRational('0.1') });
    first.close();
    const again = open();
    assert.equal(again.failure, undefined);
    assert.equal(again.isReserved('r1'), true);
  });

  it('refuses everything, with LEDGER_CORRUPT, once the registered ledger is gone', () => {
    const first = open();
    first.close();
    rmSync(ledgerDir(stateDir, 'growth'), { recursive: true });
    const reopened = open();
    assert.equal(reopened.failure?.code, 'LEDGER_CORRUPT');
    assert.equal(
      code(() => reopened.reserve({ requestId: 'r2', rho: parseRational('0.1') })),
      'LEDGER_CORRUPT',
    );
    assert.equal(
      code(() => reopened.status()),
      'LEDGER_CORRUPT',
    );
  });

  it('refuses everything when the registry itself is unreadable', () => {
    writeFileSync(path.join(stateDir, 'ledger-registry.json'), '{ not json');
    assert.equal(open().failure?.code, 'LEDGER_CORRUPT');
  });

  it("caps one owner's spending at the policy's per-owner budget", () => {
    const ledger = open();
    const reserve = (requestId: string, owner: string) =>
      code(() => ledger.reserve({ requestId, rho: parseRational('0.2'), owner }));
    assert.equal(reserve('a1', 'owner-a'), 'no error');
    assert.equal(reserve('a2', 'owner-a'), 'OWNER_BUDGET_EXHAUSTED');
    assert.equal(reserve('b1', 'owner-b'), 'no error');
  });
});
