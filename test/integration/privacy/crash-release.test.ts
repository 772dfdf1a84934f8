/**
 * Crash tests of the release path (privacy.md §8, §9.2 E2). A child node runs
 * one task through the real TaskHandler — dataset ledger, seen-tasks file,
 * libsodium noise, Ed25519 signer, ONNX runner — and SIGKILLs itself after
 * the reservation, after the noise is drawn, or after the commit (before the
 * send). Each restart is a new child on the same state folder. The ledger
 * must never count less than was reserved, a crashed task must never be run
 * again with fresh noise, and no more than the budget is ever released.
 *
 * The cases share one node and run in order: each crash spends 1/10 of a
 * budget of 3/10, so the last case finds it spent.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sodium from 'libsodium-wrappers';
import { buildStatusBaselineOnnx } from '../../../benchmark/baselines/build-status-baseline-onnx.js';
import { fitStatusBaseline } from '../../../benchmark/baselines/growth-status-baseline.js';
import { sumRho } from '../../../benchmark/privacy/accounting.js';
import { compare, createRational, parseRational } from '../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../benchmark/privacy/rational.js';
import { decodeReleaseBody } from '../../../benchmark/protocol/release-body.js';
import { readDatasetLedger } from '../../../cli/budget/read-dataset-ledger.js';
import type { LedgerReading } from '../../../cli/budget/read-dataset-ledger.js';
import { toBase64 } from '../../../keys/base64.js';
import { signCanonical, verifySignedMessage } from '../../../keys/signed-message.js';
import { LEDGER_FILE, RELEASES_DIR } from '../../../node/privacy/budget-ledger.js';
import { ledgerDir, openDatasetLedger } from '../../../node/state/dataset-ledger.js';
import { datasetLineage } from '../../../node/state/lineage-key.js';
import { makeStatusSample } from '../../helpers/onnx-fixtures.js';
import { taskBody } from '../../helpers/fake-node-ports.js';
import {
  DATASET,
  PRIVACY_POLICY,
  TASK_RHO,
  crashNodePaths,
  fromSignedJson,
  toSignedJson,
  writeJson,
} from './fixtures/crash-node-layout.js';
import type {
  ChildReport,
  DyingReport,
  KillPoint,
  OutcomeReport,
  SignedJson,
} from './fixtures/crash-node-layout.js';
import { keyIdOf } from '../../../keys/identity.js';
import { encodeEnvelope, sealModel } from '../../../keys/model-envelope.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/run-task-then-die.ts', import.meta.url));
// Bounds a hung child; SIGTERM so it cannot pass for the child's own SIGKILL.
const CHILD_LIMIT_MS = 60_000;

interface ChildRun {
  readonly pid: number | undefined;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly report: ChildReport | undefined;
  readonly stderr: string;
}

function runChild(root: string, taskId: string, killPoint: KillPoint): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, taskId, killPoint], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: CHILD_LIMIT_MS,
    killSignal: 'SIGTERM',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      const report = line === '' ? undefined : (JSON.parse(line) as ChildReport);
      resolve({ pid: child.pid, exitCode, signal, report, stderr });
    });
  });
}

type VerifiedReading = Extract<LedgerReading, { readonly status: 'verified' }>;

const tenths = (n: number): Rational => createRational(BigInt(n), 10n);

function assertRhoEqual(actual: Rational, expected: Rational, what: string): void {
  assert.equal(compare(actual, expected), 0, `${what}: ${actual.num}/${actual.den}`);
}

describe('a release killed by SIGKILL at every step, then restarted (real ledger, noise, ONNX)', function () {
  // Each child starts tsx, libsodium and an ONNX runner process: a few seconds.
  this.timeout(120_000);
  let root: string;
  let paths: ReturnType<typeof crashNodePaths>;
  let coordinatorKey: Uint8Array;
  let nodePublicKey: Uint8Array;
  let model: {
    digest: string;
    size_bytes: number;
    envelope_digest: string;
    owner_sign_key: string;
  };
  /** Every release any child produced, by task id: what could ever have reached the coordinator. */
  const releasesSeen = new Map<string, SignedJson>();

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'centile-crash-'));
    paths = crashNodePaths(root);
    mkdirSync(paths.stateDir, { mode: 0o700 });
    await sodium.ready;
    const coordinator = sodium.crypto_sign_keypair();
    const node = sodium.crypto_sign_keypair();
    coordinatorKey = coordinator.privateKey;
    nodePublicKey = node.publicKey;
    const nodeBox = sodium.crypto_box_keypair();
    const owner = sodium.crypto_sign_keypair();
    writeJson(paths.keysFile, {
      coordinatorPublicKey: toBase64(coordinator.publicKey),
      nodeSecretKey: toBase64(node.privateKey),
      nodeBoxPublicKey: toBase64(nodeBox.publicKey),
      nodeBoxSecretKey: toBase64(nodeBox.privateKey),
    });
    // A real growth.status model (the logistic baseline on a toy population), sealed as owners do.
    const sample = makeStatusSample(2000, 7);
    const bytes = buildStatusBaselineOnnx(fitStatusBaseline(sample.input, sample.labels));
    const envelope = encodeEnvelope(
      await sealModel(
        bytes,
        { name: 'baseline/logistic', benchmarkTask: 'growth.status/v1' },
        { name: 'owner-a', keyId: keyIdOf(owner.publicKey), signSecretKey: owner.privateKey },
        [{ node: 'site-a', boxPublicKey: nodeBox.publicKey }],
      ),
    );
    writeFileSync(paths.modelFile, envelope);
    model = {
      digest: createHash('sha256').update(bytes).digest('hex'),
      size_bytes: envelope.length,
      envelope_digest: createHash('sha256').update(envelope).digest('hex'),
      owner_sign_key: toBase64(owner.publicKey),
    };
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** The coordinator signs and "sends" a task; re-sending it means running the same file again. */
  async function sendTask(taskId: string): Promise<void> {
    const now = Date.now();
    const body = taskBody({
      task_id: taskId,
      nonce: `nonce-${taskId}`,
      model: { ...model, owner: 'owner-a', name: 'baseline/logistic' },
      privacy: { mechanism: 'discrete_gaussian', rho: TASK_RHO },
      issued_at_ms: now,
      deadline_ms: now + 10 * 60_000,
    });
    const signed = await signCanonical(body, coordinatorKey);
    writeJson(paths.taskFile(taskId), toSignedJson(signed));
  }

  /** The ledger as a restarted node would find it: chain, lineage and registry verified, lock-free. */
  async function verifiedLedger(): Promise<VerifiedReading> {
    const reading = await readDatasetLedger(paths.stateDir, DATASET);
    const problem = reading.status === 'failed' ? reading.problem.code : '';
    assert.equal(reading.status, 'verified', problem);
    assert.ok(reading.genesisRegistered);
    // Every committed release on disk is exactly the bytes the ledger hashed.
    assert.deepEqual(reading.changedReleases, []);
    return reading;
  }

  const ledgerFile = () => path.join(ledgerDir(paths.stateDir, DATASET), LEDGER_FILE);
  const ledgerBytes = () => readFileSync(ledgerFile());

  /** Sends a new task to a node that SIGKILLs itself at `killPoint`; returns its last words. */
  async function crash(taskId: string, killPoint: KillPoint): Promise<DyingReport> {
    await sendTask(taskId);
    const run = await runChild(root, taskId, killPoint);
    assert.equal(run.signal, 'SIGKILL', `child did not die at ${killPoint}: ${run.stderr}`);
    assert.equal(run.report?.event, 'dying', run.stderr);
    assert.equal(run.report.at, killPoint);
    // The dead node's lock is left behind: the restart has to take it over.
    const lock = path.join(ledgerDir(paths.stateDir, DATASET), 'ledger.lock');
    assert.equal(readFileSync(lock, 'utf8'), String(run.pid));
    return run.report;
  }

  /** Runs the same signed task again on a restarted node; it must spend nothing. */
  async function resend(taskId: string): Promise<OutcomeReport> {
    const before = ledgerBytes();
    const run = await runChild(root, taskId, 'none');
    assert.equal(run.signal, null, run.stderr);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.report?.event, 'outcome', run.stderr);
    // Not one byte appended: no reservation, no refusal, no commit.
    assert.ok(ledgerBytes().equals(before), 'the re-sent task changed the ledger');
    return run.report;
  }

  const crashes: readonly KillPoint[] = ['after-reserve', 'after-noise', 'after-commit'];
  crashes.forEach((killPoint, index) => {
    const taskId = `crash-${killPoint}`;
    const committed = killPoint === 'after-commit';

    it(`${killPoint}: the restart counts the reservation and a re-sent task ${committed ? 'gets the stored release' : 'is refused'}`, async () => {
      const dying = await crash(taskId, killPoint);

      const { state } = await verifiedLedger();
      // Exactly one tenth per crash so far: a crash never refunds, and never charges twice.
      assertRhoEqual(state.spentRho, tenths(index + 1), 'spent after the crash');
      const reservation = state.reserved.get(taskId);
      assert.ok(reservation !== undefined, 'the crashed task holds its reservation');
      assertRhoEqual(reservation.rho, parseRational(TASK_RHO), 'reserved ρ');
      assert.equal(state.committed.has(taskId), committed);

      const report = await resend(taskId);
      if (committed) {
        const inHand = dying.release;
        assert.ok(inHand !== undefined, 'the child had a release in hand');
        releasesSeen.set(taskId, inHand);
        assert.equal(report.kind, 'release');
        // The release it was about to send, byte for byte: no new noise, no new signature.
        assert.deepEqual(report.release, inHand);
        const signed = fromSignedJson(inHand);
        assert.ok(await verifySignedMessage(signed, nodePublicKey));
        const body = decodeReleaseBody(signed.body);
        assert.equal(body.task_id, taskId);
        assert.equal(body.privacy.rho, '1/10');
      } else {
        assert.equal(report.kind, 'refused');
        assert.equal(report.code, 'TASK_REPLAYED');
        assert.equal(report.release, undefined);
      }
      assertRhoEqual(
        (await verifiedLedger()).state.spentRho,
        tenths(index + 1),
        'spent after resend',
      );
    });
  });

  it('after three crashes the budget is spent: a new task is refused, and no more than the budget was ever released', async () => {
    await sendTask('after-the-crashes');
    const run = await runChild(root, 'after-the-crashes', 'none');
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.report?.event, 'outcome', run.stderr);
    assert.equal(run.report.kind, 'refused');
    assert.equal(run.report.code, 'BUDGET_EXHAUSTED');

    const reading = await verifiedLedger();
    const { state } = reading;
    const total = parseRational(PRIVACY_POLICY.totalRho);
    assertRhoEqual(state.spentRho, total, 'spent');
    assert.equal(state.reserved.has('after-the-crashes'), false);
    assert.deepEqual([...reading.refusals], [['BUDGET_EXHAUSTED', 1]]);

    // Everything released — by the ledger, on disk, and as seen leaving any child — fits the budget.
    assert.deepEqual([...state.committed.keys()], ['crash-after-commit']);
    const committedRho = sumRho(
      [...state.committed.keys()].map((id) => {
        const reservation = state.reserved.get(id);
        assert.ok(reservation !== undefined, 'a commit without a reservation');
        return reservation.rho;
      }),
    );
    assertRhoEqual(committedRho, tenths(1), 'committed');
    assert.ok(compare(committedRho, total) <= 0);
    const files = readdirSync(path.join(ledgerDir(paths.stateDir, DATASET), RELEASES_DIR));
    assert.deepEqual(files, ['crash-after-commit.json']);
    const releasedRho = sumRho(
      [...releasesSeen.values()].map((json) =>
        parseRational(decodeReleaseBody(fromSignedJson(json).body).privacy.rho),
      ),
    );
    assert.ok(compare(releasedRho, total) <= 0);
    assert.equal(releasesSeen.size, 1);
  });

  it('the node that shut down cleanly left the lock free, and opening the ledger again finds the same', () => {
    const dir = ledgerDir(paths.stateDir, DATASET);
    assert.equal(existsSync(path.join(dir, 'ledger.lock')), false);
    const lineage = datasetLineage(paths.stateDir, DATASET);
    const ledger = openDatasetLedger(paths.stateDir, DATASET, lineage, PRIVACY_POLICY);
    try {
      assert.equal(ledger.failure, undefined);
      const status = ledger.status();
      assertRhoEqual(status.spentRho, parseRational(PRIVACY_POLICY.totalRho), 'spent');
      assertRhoEqual(status.remainingRho, createRational(0n), 'remaining');
      for (const killPoint of crashes) assert.ok(ledger.isReserved(`crash-${killPoint}`));
      const stored = ledger.findRelease('crash-after-commit');
      assert.ok(stored !== undefined);
      assert.deepEqual(toSignedJson(stored), releasesSeen.get('crash-after-commit'));
      assert.equal(ledger.findRelease('crash-after-noise'), undefined);
    } finally {
      // The lock is a pid file: this process must not keep it.
      ledger.close();
    }
    assert.equal(existsSync(path.join(dir, 'ledger.lock')), false);
  });
});
