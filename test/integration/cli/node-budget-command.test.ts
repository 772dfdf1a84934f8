import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { epsilonForRho } from '../../../benchmark/privacy/accounting.js';
import { parseRational } from '../../../benchmark/privacy/rational.js';
import type { NodeBudgetReport } from '../../../cli/node-budget-command.js';
import type { PrivacyPolicyConfig } from '../../../node/config.js';
import { ledgerDir, openDatasetLedger } from '../../../node/state/dataset-ledger.js';
import type { DatasetLedger } from '../../../node/state/dataset-ledger.js';
import { datasetLineage } from '../../../node/state/lineage-key.js';
import { hasStackTrace, runCli } from '../../helpers/run-cli.js';

const DATASET = 'growth';
const POLICY: PrivacyPolicyConfig = {
  totalRho: '1',
  maxRhoPerRequest: '0.5',
  maxRhoPerOwner: '0.4',
  minCellSize: 11,
  allowedTasks: ['growth.status/v1'],
  allowedOwners: undefined,
  publishBudget: false,
};

let configs = 0;

/** A node config as hospital IT writes it; only stateDir, dataset and privacy matter here. */
function writeConfig(dir: string, privacy: object | undefined): string {
  configs += 1;
  const file = path.join(dir, `node-${configs}.json`);
  const config = {
    name: 'st-marys',
    stateDir: 'state',
    coordinator: {
      address: '127.0.0.1:7443',
      caCertFile: 'tls/cert.pem',
      identityFile: 'keys/coordinator.identity.json',
    },
    keys: { signKeyFile: 'keys/node.sign.key', identityFile: 'keys/node.identity.json' },
    dataset: { name: DATASET, format: 'csv', path: 'data.csv' },
    ...(privacy === undefined ? {} : { privacy }),
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const signed = (text: string) => ({
  body: new TextEncoder().encode(text),
  signature: new Uint8Array(64).fill(7),
});

/**
 * The ledger a node would leave: r1 and r2 released, r3 reserved when the
 * node "crashed", r4 refused by alice's sub-cap, r5 by the per-request limit.
 * Spent: 1/10 + 1/4 + 1/20 = 2/5.
 */
function buildLedger(stateDir: string): DatasetLedger {
  mkdirSync(stateDir, { recursive: true });
  const ledger = openDatasetLedger(stateDir, DATASET, datasetLineage(stateDir, DATASET), POLICY);
  assert.equal(ledger.failure, undefined);
  ledger.reserve({ requestId: 'r1', rho: parseRational('0.1'), owner: 'alice' });
  ledger.commit('r1', signed('release 1'));
  ledger.reserve({ requestId: 'r2', rho: parseRational('1/4'), owner: 'bob' });
  ledger.commit('r2', signed('release 2'));
  ledger.reserve({ requestId: 'r3', rho: parseRational('0.05'), owner: 'alice' });
  assert.throws(() =>
    ledger.reserve({ requestId: 'r4', rho: parseRational('0.3'), owner: 'alice' }),
  );
  assert.throws(() => ledger.reserve({ requestId: 'r5', rho: parseRational('0.6') }));
  return ledger;
}

function jsonOf(stdout: string): NodeBudgetReport {
  return JSON.parse(stdout) as NodeBudgetReport;
}

describe('centile node budget (the CLI as a child process)', function () {
  this.timeout(120_000);
  let dir: string;
  let stateDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'centile-node-budget-'));
    stateDir = path.join(dir, 'state');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports total, spent, remaining, releases, stuck reservations, refusals and owners', async () => {
    buildLedger(stateDir).close();
    const run = await runCli(['node', 'budget', '--config', writeConfig(dir, POLICY), '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = jsonOf(run.stdout);
    assert.equal(report.node, 'st-marys');
    const [growth] = report.datasets;
    assert.equal(growth?.dataset, DATASET);
    assert.equal(growth.ledger, 'verified');
    assert.equal(growth.genesis_registered, true);
    assert.deepEqual(growth.problems, []);
    const b = growth.budget;
    assert.ok(b !== null);
    assert.deepEqual(b.total_rho, { exact: '1', decimal: 1 });
    assert.deepEqual(b.spent_rho, { exact: '2/5', decimal: 0.4 });
    assert.deepEqual(b.remaining_rho, { exact: '3/5', decimal: 0.6 });
    assert.equal(b.delta, 1e-6);
    assert.equal(b.epsilon_spent, epsilonForRho(0.4, 1e-6));
    assert.equal(b.releases_committed, 2);
    assert.deepEqual(b.reserved_uncommitted, ['r3']);
    assert.equal(b.refusals, 2);
    assert.deepEqual(b.refusals_by_reason, { OWNER_BUDGET_EXHAUSTED: 1, REQUEST_OVER_LIMIT: 1 });
    assert.deepEqual(
      b.owners.map((o) => [o.owner, o.spent_rho.exact, o.cap_rho?.exact]),
      [
        ['alice', '3/20', '2/5'],
        ['bob', '1/4', '2/5'],
      ],
    );
  });

  it('reads without the lock, beside a live node, and prints a readable report', async () => {
    const ledger = buildLedger(stateDir);
    try {
      const run = await runCli(['node', 'budget', '--config', writeConfig(dir, POLICY)]);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.ok(lines.includes('dataset growth'));
      assert.ok(lines.some((l) => l.startsWith('  ledger: hash chain verified; GENESIS matches')));
      assert.ok(lines.some((l) => l.startsWith('  spent rho:     2/5 (0.4) = epsilon ')));
      assert.ok(lines.includes('  remaining rho: 3/5 (0.6)'));
      assert.ok(
        lines.some((l) => l.startsWith('  reserved, not committed: 1 ') && l.endsWith(': r3')),
      );
      // The live node can still write: the command took no lock.
      ledger.reserve({ requestId: 'r6', rho: parseRational('0.01') });
    } finally {
      ledger.close();
    }
  });

  it('uses the lower of the configured and the registered total', async () => {
    buildLedger(stateDir).close();
    const lower = writeConfig(dir, { ...POLICY, totalRho: '0.5' });
    const run = await runCli(['node', 'budget', '--config', lower, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const b = jsonOf(run.stdout).datasets[0]?.budget;
    assert.equal(b?.total_rho.exact, '1/2');
    assert.equal(b.remaining_rho.exact, '1/10');
    assert.equal(b.recorded_total_rho.exact, '1');
  });

  it('reports a tampered line as LEDGER_CORRUPT with its line, exit 1 and no stack trace', async () => {
    buildLedger(stateDir).close();
    const file = path.join(ledgerDir(stateDir, DATASET), 'ledger.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Line 4 is r2's RESERVE: make it cost less than was charged.
    const reserve = lines[3] ?? '';
    assert.ok(reserve.includes('"rho":"1/4"'));
    lines[3] = reserve.replace('"rho":"1/4"', '"rho":"1/40"');
    writeFileSync(file, lines.join('\n'));
    const config = writeConfig(dir, POLICY);
    const [json, text] = await Promise.all([
      runCli(['node', 'budget', '--config', config, '--json']),
      runCli(['node', 'budget', '--config', config]),
    ]);
    assert.equal(json.code, 1, json.stderr);
    const growth = jsonOf(json.stdout).datasets[0];
    assert.equal(growth?.ledger, 'failed');
    assert.equal(growth.budget, null);
    assert.deepEqual(
      growth.problems.map((p) => [p.code, p.line]),
      [['LEDGER_CORRUPT', 4]],
    );
    assert.equal(text.code, 1);
    assert.ok(text.stdout.includes('  problem LEDGER_CORRUPT: '), text.stdout);
    assert.equal(hasStackTrace(text.stderr), false, text.stderr);
    assert.equal(hasStackTrace(text.stdout), false, text.stdout);
  });

  it('reports a ledger deleted after registration as LEDGER_CORRUPT', async () => {
    buildLedger(stateDir).close();
    rmSync(ledgerDir(stateDir, DATASET), { recursive: true });
    const run = await runCli(['node', 'budget', '--config', writeConfig(dir, POLICY), '--json']);
    assert.equal(run.code, 1);
    assert.deepEqual(
      jsonOf(run.stdout).datasets[0]?.problems.map((p) => p.code),
      ['LEDGER_CORRUPT'],
    );
  });

  it('says "none yet" for a node that never ran, and creates nothing', async () => {
    const run = await runCli(['node', 'budget', '--config', writeConfig(dir, POLICY)]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('  ledger: none yet'), run.stdout);
    assert.equal(existsSync(stateDir), false);
    mkdirSync(stateDir);
    const again = await runCli(['node', 'budget', '--config', writeConfig(dir, POLICY), '--json']);
    assert.equal(jsonOf(again.stdout).datasets[0]?.ledger, 'none');
    assert.equal(existsSync(path.join(stateDir, 'lineage.key')), false);
  });

  it('says when the config has no privacy policy (the node refuses every task)', async () => {
    buildLedger(stateDir).close();
    const config = writeConfig(dir, undefined);
    const [json, text] = await Promise.all([
      runCli(['node', 'budget', '--config', config, '--json']),
      runCli(['node', 'budget', '--config', config]),
    ]);
    assert.equal(json.code, 0, json.stderr);
    const growth = jsonOf(json.stdout).datasets[0];
    assert.equal(growth?.privacy_policy, false);
    assert.equal(growth.budget?.total_rho.exact, '1');
    assert.equal(growth.budget.configured_total_rho, null);
    assert.ok(text.stdout.includes('no privacy policy in the config'), text.stdout);
  });

  it('refuses a missing --config with USAGE and a missing file with CONFIG_NOT_FOUND', async () => {
    const [missing, absent] = await Promise.all([
      runCli(['node', 'budget']),
      runCli(['node', 'budget', '--config', path.join(dir, 'nope.json')]),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^error USAGE: /);
    assert.equal(absent.code, 1);
    assert.match(absent.stderr, /^error CONFIG_NOT_FOUND: /);
    assert.equal(hasStackTrace(missing.stderr) || hasStackTrace(absent.stderr), false);
  });
});
