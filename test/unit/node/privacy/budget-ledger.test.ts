import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCode } from '../../../../benchmark/errors.js';
import type { BudgetLedger } from '../../../../benchmark/privacy/budget-ledger.js';
import { formatRational, parseRational } from '../../../../benchmark/privacy/rational.js';
import { openBudgetLedger } from '../../../../node/privacy/budget-ledger.js';
import type { BudgetLedgerOptions } from '../../../../node/privacy/budget-ledger.js';
import { canonicalJson } from '../../../../keys/canonical-json.js';

const q = (text: string) => parseRational(text);
const code =
  (expected: string) =>
  (error: unknown): boolean =>
    hasCode(error, expected);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('budget ledger (jsonl, hash-chained, fsynced)', () => {
  let dir: string;
  let open: BudgetLedger[];
  const ledgerPath = (): string => join(dir, 'ledger.jsonl');
  const lines = (): string[] => readFileSync(ledgerPath(), 'utf8').trimEnd().split('\n');
  const options = (extra: Partial<BudgetLedgerOptions> = {}): BudgetLedgerOptions => ({
    dir,
    datasetLineage: 'lineage-a',
    totalRho: q('0.3'),
    ...extra,
  });
  const openLedger = (extra: Partial<BudgetLedgerOptions> = {}): BudgetLedger => {
    const ledger = openBudgetLedger(options(extra));
    open.push(ledger);
    return ledger;
  };
  const spent = (ledger: BudgetLedger): string => formatRational(ledger.status().spentRho);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'centile-ledger-'));
    open = [];
  });

  afterEach(() => {
    for (const ledger of open) ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('budget', () => {
    it('accepts exactly three 0.1 reservations under a 0.3 cap, then refuses', () => {
      const ledger = openLedger();
      for (const id of ['r1', 'r2', 'r3']) ledger.reserve({ requestId: id, rho: q('0.1') });
      assert.throws(
        () => ledger.reserve({ requestId: 'r4', rho: q('0.1') }),
        code('BUDGET_EXHAUSTED'),
      );
      assert.deepEqual(ledger.status(), {
        totalRho: q('0.3'),
        spentRho: q('0.3'),
        remainingRho: q('0'),
      });
      assert.equal(ledger.isReserved('r4'), false);
      assert.deepEqual(
        lines().map((line) => (JSON.parse(line) as { kind: string }).kind),
        ['GENESIS', 'RESERVE', 'RESERVE', 'RESERVE', 'REFUSED'],
      );
    });

    it('lets exactly 10 of 50 concurrent requests through a budget for 10', async () => {
      const ledger = openLedger({ totalRho: q('1') });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, async (_, i) => {
          await Promise.resolve();
          ledger.reserve({ requestId: `c${i}`, rho: q('0.1') });
        }),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
      assert.equal(spent(ledger), '1');
    });

    it('enforces the per-request limit and the per-owner sub-cap, recording refusals at no cost', () => {
      const ledger = openLedger({
        totalRho: q('1'),
        maxRhoPerRequest: q('0.2'),
        maxRhoPerOwner: q('0.3'),
      });
      assert.throws(
        () => ledger.reserve({ requestId: 'big', rho: q('0.21') }),
        code('REQUEST_OVER_LIMIT'),
      );
      ledger.reserve({ requestId: 'o1', rho: q('0.2'), owner: 'owner-x' });
      ledger.reserve({ requestId: 'o2', rho: q('0.1'), owner: 'owner-x' });
      assert.throws(
        () => ledger.reserve({ requestId: 'o3', rho: q('0.1'), owner: 'owner-x' }),
        code('OWNER_BUDGET_EXHAUSTED'),
      );
      ledger.reserve({ requestId: 'o4', rho: q('0.1'), owner: 'owner-y' });
      assert.equal(spent(ledger), '2/5');
      const refused = lines()
        .map((line) => JSON.parse(line) as { kind: string; reason?: string })
        .filter((entry) => entry.kind === 'REFUSED')
        .map((entry) => entry.reason);
      assert.deepEqual(refused, ['REQUEST_OVER_LIMIT', 'OWNER_BUDGET_EXHAUSTED']);
    });

    it('refuses a replayed request id, committed or not, without charging', () => {
      const ledger = openLedger();
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      assert.throws(
        () => ledger.reserve({ requestId: 'r1', rho: q('0.1') }),
        code('REQUEST_REPLAYED'),
      );
      ledger.commit('r1', bytes('{"noisy":[3]}'));
      assert.throws(
        () => ledger.reserve({ requestId: 'r1', rho: q('0.1') }),
        code('REQUEST_REPLAYED'),
      );
      assert.equal(spent(ledger), '1/10');
    });

    it('refuses bad request ids and non-positive costs', () => {
      const ledger = openLedger();
      for (const id of ['', '../escape', '.hidden', 'a/b', 'x'.repeat(129), 'sp ace']) {
        assert.throws(
          () => ledger.reserve({ requestId: id, rho: q('0.1') }),
          code('INVALID_REQUEST_ID'),
        );
      }
      assert.throws(
        () => ledger.reserve({ requestId: 'z', rho: q('0') }),
        code('INVALID_PRIVACY_PARAMETER'),
      );
      assert.equal(lines().length, 1);
    });
  });

  describe('releases', () => {
    it('returns the committed release byte-for-byte, and nothing for an uncommitted one', () => {
      const ledger = openLedger();
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      assert.equal(ledger.findRelease('r1'), undefined);
      const release = Uint8Array.from([0, 255, 10, 13, 123, 34]);
      ledger.commit('r1', release);
      assert.deepEqual(ledger.findRelease('r1'), release);
      assert.equal(ledger.findRelease('never'), undefined);
      const commit = JSON.parse(lines().at(-1) ?? '') as { kind: string; releaseHash: string };
      assert.equal(commit.kind, 'COMMIT');
      assert.equal(commit.releaseHash, createHash('sha256').update(release).digest('hex'));
    });

    it('refuses commits without a reservation or twice', () => {
      const ledger = openLedger();
      assert.throws(() => ledger.commit('r1', bytes('x')), code('REQUEST_NOT_RESERVED'));
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      ledger.commit('r1', bytes('x'));
      assert.throws(() => ledger.commit('r1', bytes('y')), code('REQUEST_ALREADY_COMMITTED'));
    });

    it('refuses a tampered release file and then everything else', () => {
      const ledger = openLedger();
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      ledger.commit('r1', bytes('{"noisy":[3]}'));
      writeFileSync(join(dir, 'releases', 'r1.json'), '{"noisy":[4]}');
      assert.throws(() => ledger.findRelease('r1'), code('LEDGER_CORRUPT'));
      assert.throws(
        () => ledger.reserve({ requestId: 'r2', rho: q('0.1') }),
        code('LEDGER_CORRUPT'),
      );
    });
  });

  describe('persistence', () => {
    it('keeps spend, reservations and releases across close and reopen', () => {
      const first = openLedger();
      first.reserve({ requestId: 'r1', rho: q('0.1') });
      first.commit('r1', bytes('release-1'));
      first.reserve({ requestId: 'r2', rho: q('1/20') }); // reserved, never committed: a crash
      first.close();
      assert.throws(() => first.status(), code('LEDGER_CLOSED'));
      const second = openLedger();
      assert.equal(spent(second), '3/20');
      assert.ok(second.isReserved('r1') && second.isReserved('r2'));
      assert.deepEqual(second.findRelease('r1'), bytes('release-1'));
      assert.equal(second.findRelease('r2'), undefined);
      assert.throws(
        () => second.reserve({ requestId: 'r2', rho: q('0.1') }),
        code('REQUEST_REPLAYED'),
      );
      second.reserve({ requestId: 'r3', rho: q('0.15') });
      assert.throws(
        () => second.reserve({ requestId: 'r4', rho: q('0.01') }),
        code('BUDGET_EXHAUSTED'),
      );
    });

    it('writes canonical, hash-chained lines', () => {
      const ledger = openLedger();
      ledger.reserve({ requestId: 'r1', rho: q('0.1'), owner: 'owner-x' });
      const [genesis, reserve] = lines().map(
        (line) => JSON.parse(line) as Record<string, string | number>,
      );
      assert.ok(genesis !== undefined && reserve !== undefined);
      for (const line of lines()) {
        const { hash, ...rest } = JSON.parse(line) as Record<string, string | number>;
        assert.equal(canonicalJson(JSON.parse(line) as Record<string, string | number>), line);
        assert.equal(hash, createHash('sha256').update(canonicalJson(rest)).digest('hex'));
      }
      assert.deepEqual(
        {
          seq: reserve['seq'],
          kind: reserve['kind'],
          rho: reserve['rho'],
          prev: reserve['prevHash'],
        },
        { seq: 1, kind: 'RESERVE', rho: '1/10', prev: genesis['hash'] },
      );
      assert.deepEqual(
        [genesis['kind'], genesis['totalRho'], genesis['prevHash']],
        ['GENESIS', '3/10', '0'.repeat(64)],
      );
    });

    it('may lower the cap on reopen but never raise it', () => {
      openLedger().close();
      open = [];
      assert.throws(() => openLedger({ totalRho: q('0.31') }), code('LEDGER_CAP_RAISED'));
      const lowered = openLedger({ totalRho: q('0.1') });
      lowered.reserve({ requestId: 'r1', rho: q('0.1') });
      assert.throws(
        () => lowered.reserve({ requestId: 'r2', rho: q('0.1') }),
        code('BUDGET_EXHAUSTED'),
      );
    });

    it('refuses a ledger of another lineage', () => {
      openLedger().close();
      open = [];
      assert.throws(
        () => openLedger({ datasetLineage: 'lineage-b' }),
        code('LEDGER_LINEAGE_MISMATCH'),
      );
    });
  });

  describe('fails closed on a damaged ledger', () => {
    /** A ledger with genesis, two reservations and a commit, closed. */
    function damaged(edit: (text: string) => string): void {
      const ledger = openBudgetLedger(options());
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      ledger.reserve({ requestId: 'r2', rho: q('0.1') });
      ledger.commit('r1', bytes('release'));
      ledger.close();
      writeFileSync(ledgerPath(), edit(readFileSync(ledgerPath(), 'utf8')));
    }
    const corrupt = code('LEDGER_CORRUPT');
    const dropLine = (index: number) => (text: string) =>
      text
        .split('\n')
        .filter((_, i) => i !== index)
        .join('\n');

    it('refuses a tampered line (cheaper cost, hash unchanged)', () => {
      damaged((text) => text.replace('"rho":"1/10"', '"rho":"1/100"'));
      assert.throws(() => openLedger(), corrupt);
    });

    it('refuses a tampered line whose own hash was recomputed (the chain breaks)', () => {
      damaged((text) => {
        const all = text.split('\n');
        const entry = JSON.parse(all[1] ?? '') as Record<string, string | number>;
        const edited = Object.fromEntries(
          Object.entries({ ...entry, rho: '1/100' }).filter(([key]) => key !== 'hash'),
        );
        const hash = createHash('sha256').update(canonicalJson(edited)).digest('hex');
        all[1] = canonicalJson({ ...edited, hash });
        return all.join('\n');
      });
      assert.throws(() => openLedger(), corrupt);
    });

    it('refuses a truncated last line (torn write), even one missing only its newline', () => {
      damaged((text) => text.slice(0, -20));
      assert.throws(() => openLedger(), corrupt);
      rmSync(dir, { recursive: true });
      damaged((text) => text.slice(0, -1));
      assert.throws(() => openLedger(), corrupt);
    });

    it('refuses a deleted middle line, a deleted first line and reordered lines', () => {
      damaged(dropLine(2));
      assert.throws(() => openLedger(), corrupt);
      rmSync(dir, { recursive: true });
      damaged(dropLine(0));
      assert.throws(() => openLedger(), corrupt);
      rmSync(dir, { recursive: true });
      damaged((text) => {
        const [a = '', b = '', c = '', ...rest] = text.split('\n');
        return [a, c, b, ...rest].join('\n');
      });
      assert.throws(() => openLedger(), corrupt);
    });

    it('refuses reformatted JSON, appended garbage and an empty file', () => {
      for (const edit of [
        (text: string) => text.replace('{"createdAt"', '{ "createdAt"'),
        (text: string) => `${text}{"seq":4}\n`,
        () => '',
      ]) {
        damaged(edit);
        assert.throws(() => openLedger(), corrupt);
        rmSync(dir, { recursive: true });
      }
    });

    it('refuses a deleted ledger when releases remain or the registry pins its genesis', () => {
      const ledger = openBudgetLedger(options());
      const genesisHash = ledger.genesisHash();
      assert.equal(genesisHash, (JSON.parse(lines()[0] ?? '') as { hash: string }).hash);
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
      ledger.commit('r1', bytes('release'));
      ledger.close();
      openLedger({ expectedGenesisHash: genesisHash }).close(); // the pinned ledger opens
      open = [];
      unlinkSync(ledgerPath());
      assert.throws(() => openLedger(), corrupt);
      rmSync(join(dir, 'releases'), { recursive: true });
      assert.throws(() => openLedger({ expectedGenesisHash: genesisHash }), corrupt);
      // A replacement ledger verifies on its own but is not the one the registry pinned.
      openLedger({ totalRho: q('0.2') }).close();
      open = [];
      assert.throws(
        () => openLedger({ totalRho: q('0.2'), expectedGenesisHash: genesisHash }),
        corrupt,
      );
      openLedger({ totalRho: q('0.2') });
    });
  });

  describe('lock', () => {
    it('stops a second open while the ledger is held, and frees it on close', () => {
      const first = openLedger();
      assert.throws(() => openLedger(), code('LEDGER_LOCKED'));
      first.close();
      openLedger();
    });

    it('respects a lock held by another live process', () => {
      openLedger().close();
      open = [];
      writeFileSync(join(dir, 'ledger.lock'), String(process.ppid));
      assert.throws(() => openLedger(), code('LEDGER_LOCKED'));
      writeFileSync(join(dir, 'ledger.lock'), '');
      assert.throws(() => openLedger(), code('LEDGER_LOCKED'));
    });

    it('takes over a stale lock whose process is dead', () => {
      openLedger().close();
      open = [];
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(join(dir, 'ledger.lock'), String(dead));
      const ledger = openLedger();
      assert.equal(readFileSync(join(dir, 'ledger.lock'), 'utf8'), String(process.pid));
      ledger.reserve({ requestId: 'r1', rho: q('0.1') });
    });
  });

  it('counts a reservation whose process was SIGKILLed before commit', function () {
    this.timeout(30_000);
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const child = fileURLToPath(new URL('./fixtures/reserve-then-die.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', child, dir, 'crash-1'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.signal, 'SIGKILL', result.stderr);
    const ledger = openLedger({ datasetLineage: 'lineage-crash', totalRho: q('1') });
    assert.ok(ledger.isReserved('crash-1'));
    assert.equal(spent(ledger), '1/4');
    assert.equal(ledger.findRelease('crash-1'), undefined);
    assert.throws(
      () => ledger.reserve({ requestId: 'crash-1', rho: q('0.25') }),
      code('REQUEST_REPLAYED'),
    );
  });
});
