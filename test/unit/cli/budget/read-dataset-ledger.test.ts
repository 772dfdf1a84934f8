import assert from 'node:assert/strict';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasCode } from '../../../../benchmark/errors.js';
import { parseRational } from '../../../../benchmark/privacy/rational.js';
import { readDatasetLedger } from '../../../../cli/budget/read-dataset-ledger.js';
import type { LedgerReading } from '../../../../cli/budget/read-dataset-ledger.js';
import type { PrivacyPolicyConfig } from '../../../../node/config.js';
import { ledgerDir, openDatasetLedger } from '../../../../node/state/dataset-ledger.js';
import { datasetLineage } from '../../../../node/state/lineage-key.js';

const POLICY: PrivacyPolicyConfig = {
  totalRho: '1',
  maxRhoPerRequest: '0.5',
  maxRhoPerOwner: undefined,
  minCellSize: 11,
  allowedTasks: [],
  allowedOwners: undefined,
  publishBudget: false,
};

function problemOf(reading: LedgerReading): [string, number | undefined] | undefined {
  return reading.status === 'failed' ? [reading.problem.code, reading.problem.line] : undefined;
}

/** Every file under `dir` with its size and mtime: the reader must leave all of them alone. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

describe('reading a dataset ledger read-only', () => {
  let stateDir: string;
  let ledgerFile: string;
  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'centile-read-ledger-'));
    ledgerFile = path.join(ledgerDir(stateDir, 'growth'), 'ledger.jsonl');
    const ledger = openDatasetLedger(
      stateDir,
      'growth',
      datasetLineage(stateDir, 'growth'),
      POLICY,
    );
    ledger.reserve({ requestId: 'r1', rho: parseRational('0.1') });
    ledger.commit('r1', { body: new Uint8Array([1, 2]), signature: new Uint8Array(64) });
    ledger.close();
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('verifies the chain and the registered genesis, and writes nothing', async () => {
    const before = snapshot(stateDir);
    const reading = await readDatasetLedger(stateDir, 'growth');
    assert.equal(reading.status, 'verified');
    assert.equal(reading.genesisRegistered, true);
    assert.deepEqual(reading.changedReleases, []);
    assert.deepEqual(snapshot(stateDir), before);
  });

  it('reports a torn last line (no newline) at its line', async () => {
    appendFileSync(ledgerFile, '{"seq":3,');
    assert.deepEqual(problemOf(await readDatasetLedger(stateDir, 'growth')), ['LEDGER_CORRUPT', 4]);
  });

  it('reports a ledger replaced by another one as not matching the registry', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'centile-read-ledger-other-'));
    try {
      // Same lineage key, so only the registry can tell the two ledgers apart.
      writeFileSync(
        path.join(other, 'lineage.key'),
        readFileSync(path.join(stateDir, 'lineage.key')),
      );
      openDatasetLedger(other, 'growth', datasetLineage(other, 'growth'), POLICY).close();
      writeFileSync(
        ledgerFile,
        readFileSync(path.join(ledgerDir(other, 'growth'), 'ledger.jsonl')),
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    assert.deepEqual(problemOf(await readDatasetLedger(stateDir, 'growth')), ['LEDGER_CORRUPT', 1]);
  });

  it('reports a ledger whose lineage key is gone', async () => {
    rmSync(path.join(stateDir, 'lineage.key'));
    assert.deepEqual(problemOf(await readDatasetLedger(stateDir, 'growth')), [
      'LEDGER_CORRUPT',
      undefined,
    ]);
  });

  it('reports another lineage as LEDGER_LINEAGE_MISMATCH at line 1', async () => {
    writeFileSync(path.join(stateDir, 'lineage.key'), Buffer.alloc(32, 9).toString('base64'));
    assert.deepEqual(problemOf(await readDatasetLedger(stateDir, 'growth')), [
      'LEDGER_LINEAGE_MISMATCH',
      1,
    ]);
  });

  it('throws STATE_UNREADABLE, not a ledger verdict, for a file it cannot read', async () => {
    // A directory in place of the file: EISDIR, which even root gets (unlike EACCES).
    rmSync(ledgerFile);
    mkdirSync(ledgerFile);
    await assert.rejects(readDatasetLedger(stateDir, 'growth'), (error: unknown) =>
      hasCode(error, 'STATE_UNREADABLE'),
    );
  });

  it('lists committed releases whose stored file changed', async () => {
    writeFileSync(path.join(ledgerDir(stateDir, 'growth'), 'releases', 'r1.json'), '{}');
    const reading = await readDatasetLedger(stateDir, 'growth');
    assert.equal(reading.status, 'verified');
    assert.deepEqual(reading.changedReleases, ['r1']);
  });
});
