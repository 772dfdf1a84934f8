import { strict as assert } from 'node:assert';
import sodium from 'libsodium-wrappers';
import { CentileError } from '../../../../benchmark/errors.js';
import { parseRational } from '../../../../benchmark/privacy/rational.js';
import { parseReleaseBody } from '../../../../benchmark/protocol/release-body.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { releaseBlocks } from '../../../../benchmark/tasks/release-blocks.js';
import { signCanonical, verifySignedMessage } from '../../../../keys/signed-message.js';
import type { Signed } from '../../../../node/core/ports.js';
import { TaskHandler } from '../../../../node/core/task-handler.js';
import type { TaskOutcome } from '../../../../node/core/task-handler.js';
import type { NodePolicy } from '../../../../node/core/node-policy.js';
import {
  fakeModels,
  MemoryLedger,
  MemorySeenTasks,
  scoreWho,
  taskBody,
  tinyCohorts,
} from '../../../helpers/fake-node-ports.js';

describe('TaskHandler (node core)', () => {
  let coordinator: { publicKey: Uint8Array; privateKey: Uint8Array };
  let foreign: { publicKey: Uint8Array; privateKey: Uint8Array };
  let node: { publicKey: Uint8Array; privateKey: Uint8Array };

  before(async () => {
    await sodium.ready;
    coordinator = sodium.crypto_sign_keypair();
    foreign = sodium.crypto_sign_keypair();
    node = sodium.crypto_sign_keypair();
  });

  const POLICY: NodePolicy = {
    allowedTasks: ['growth.status/v1'],
    allowedOwners: undefined,
    maxRhoPerRequest: parseRational('0.1'),
    minCellSize: 0,
    publishBudget: false,
  };

  function setup(
    models = fakeModels('constant'),
    policy: NodePolicy | null = POLICY,
    fetch: () => Promise<Uint8Array> = () => Promise.resolve(new Uint8Array(10)),
  ) {
    const ledger = new MemoryLedger();
    const handler = new TaskHandler({
      nodeId: 'site-a',
      policy: policy ?? undefined,
      verifier: { verify: (s: Signed) => verifySignedMessage(s, coordinator.publicKey) },
      seen: new MemorySeenTasks(),
      maxClockSkewMs: 1000,
      ledger: () => ledger,
      cohorts: tinyCohorts(),
      fetcher: { fetch },
      // Envelopes have their own tests: here the fetched bytes are the model.
      opener: { open: (bytes: Uint8Array) => Promise.resolve(bytes) },
      models,
      noise: { addDiscreteGaussian: (cells) => [...cells] },
      signer: { sign: (body) => signCanonical(body, node.privateKey) },
      scoreWho,
      now: () => Date.now(),
      logUnexpected: (error) => assert.fail(String(error)),
    });
    const run = (signed: Signed): Promise<TaskOutcome> =>
      handler.handle(signed, () => () => undefined);
    return { ledger, models, run };
  }

  const signedBy = (key: Uint8Array, overrides = {}) => signCanonical(taskBody(overrides), key);

  function refusal(outcome: TaskOutcome): string {
    assert.equal(outcome.kind, 'refused');
    return outcome.kind === 'refused' ? outcome.code : '';
  }

  it('runs a valid task: reserves ρ, then releases signed statistics', async () => {
    const { ledger, run } = setup();
    const outcome = await run(await signedBy(coordinator.privateKey));
    assert.equal(outcome.kind, 'release');
    if (outcome.kind !== 'release') return;
    assert.ok(await verifySignedMessage(outcome.release, node.publicKey));
    const body = parseReleaseBody(JSON.parse(new TextDecoder().decode(outcome.release.body)));
    assert.equal(body.statistics.cells[0], 20);
    assert.equal(body.privacy.rho, '1/20');
    // L2² = 1 + 4 groups × 6 labels = 25, so σ² = 25 / (2 · 1/20).
    assert.equal(body.privacy.sigma2, '250');
    assert.deepEqual(
      ledger.reserved.map((r) => r.requestId),
      ['task-1'],
    );
  });

  it('refuses an unsigned task', async () => {
    const { ledger, run } = setup();
    const signed = await signedBy(coordinator.privateKey);
    assert.equal(
      refusal(await run({ body: signed.body, signature: new Uint8Array(0) })),
      'TASK_UNSIGNED',
    );
    assert.equal(ledger.reserved.length, 0);
  });

  it('refuses a task signed by another key', async () => {
    const { ledger, run } = setup();
    assert.equal(refusal(await run(await signedBy(foreign.privateKey))), 'TASK_BAD_SIGNATURE');
    assert.equal(ledger.reserved.length, 0);
  });

  it('refuses a task whose bytes were altered after signing', async () => {
    const { run } = setup();
    const signed = await signedBy(coordinator.privateKey);
    const body = new TextEncoder().encode(
      new TextDecoder().decode(signed.body).replace('0.05', '0.09'),
    );
    assert.equal(refusal(await run({ body, signature: signed.signature })), 'TASK_BAD_SIGNATURE');
  });

  it('refuses an expired task', async () => {
    const { run } = setup();
    const past = Date.now() - 1000;
    const outcome = await run(
      await signedBy(coordinator.privateKey, { issued_at_ms: past - 5000, deadline_ms: past }),
    );
    assert.equal(refusal(outcome), 'TASK_EXPIRED');
  });

  it('refuses a task for another node', async () => {
    const { run } = setup();
    assert.equal(
      refusal(await run(await signedBy(coordinator.privateKey, { node_id: 'site-b' }))),
      'TASK_WRONG_NODE',
    );
  });

  it('refuses a replayed nonce, and answers a repeated task with its stored release at no cost', async () => {
    const { ledger, run } = setup();
    const first = await signedBy(coordinator.privateKey);
    const released = await run(first);
    const again = await run(first);
    assert.deepEqual(again, released);
    assert.equal(ledger.reserved.length, 1);
    const replay = await signedBy(coordinator.privateKey, { task_id: 'task-2' });
    assert.equal(refusal(await run(replay)), 'TASK_REPLAYED');
    assert.equal(ledger.reserved.length, 1);
  });

  it('refuses a mismatched model before any budget is spent or data read', async () => {
    const { ledger, run } = setup(fakeModels('mismatch'));
    assert.equal(
      refusal(await run(await signedBy(coordinator.privateKey))),
      'MODEL_INPUT_MISMATCH',
    );
    assert.equal(ledger.reserved.length, 0);
  });

  it('refuses a request over the per-request ρ limit', async () => {
    const { ledger, run } = setup();
    const outcome = await run(
      await signedBy(coordinator.privateKey, {
        privacy: { mechanism: 'discrete_gaussian', rho: '0.2' },
      }),
    );
    assert.equal(refusal(outcome), 'REQUEST_OVER_LIMIT');
    assert.equal(ledger.reserved.length, 0);
  });

  it('refuses every task when the node has no privacy policy', async () => {
    const { ledger, run } = setup(fakeModels('constant'), null);
    assert.equal(
      refusal(await run(await signedBy(coordinator.privateKey))),
      'PRIVACY_POLICY_MISSING',
    );
    assert.equal(ledger.reserved.length, 0);
  });

  it("refuses an owner the policy does not list, and charges listed owners' tasks to them", async () => {
    const closed = setup(fakeModels('constant'), { ...POLICY, allowedOwners: ['owner-b'] });
    assert.equal(
      refusal(await closed.run(await signedBy(coordinator.privateKey))),
      'OWNER_NOT_ALLOWED',
    );
    assert.equal(closed.ledger.reserved.length, 0);
    const open = setup(fakeModels('constant'), { ...POLICY, allowedOwners: ['owner-a'] });
    assert.equal((await open.run(await signedBy(coordinator.privateKey))).kind, 'release');
    assert.equal(open.ledger.reserved[0]?.owner, 'owner-a');
  });

  it('suppresses blocks below the minimum cell size and publishes the budget when asked', async () => {
    // 20 children: every block of 10 or fewer examples (each sex, each age band) is suppressed.
    const { run } = setup(fakeModels('constant'), {
      ...POLICY,
      minCellSize: 11,
      publishBudget: true,
    });
    const outcome = await run(await signedBy(coordinator.privateKey));
    assert.equal(outcome.kind, 'release');
    if (outcome.kind !== 'release') return;
    const body = parseReleaseBody(JSON.parse(new TextDecoder().decode(outcome.release.body)));
    const { cells, suppressed } = body.statistics;
    assert.ok(suppressed.length > 0 && !suppressed.includes(0), 'all/stunting (20 examples) kept');
    const blocks = releaseBlocks(GROWTH_STATUS);
    for (const index of suppressed) {
      const { start, length } = blocks[index] as (typeof blocks)[number];
      assert.ok(cells.slice(start, start + length).every((v) => v === 0));
    }
    assert.deepEqual(body.budget, { total_rho: '1', remaining_rho: '0' });
  });

  it('runs a repeated task again when its first run stopped before reserving (nothing spent)', async () => {
    let attempts = 0;
    const { ledger, run } = setup(fakeModels('constant'), POLICY, () =>
      ++attempts === 1
        ? Promise.reject(new CentileError('unavailable', 'MODEL_FETCH_FAILED', 'link down'))
        : Promise.resolve(new Uint8Array(10)),
    );
    const signed = await signedBy(coordinator.privateKey);
    assert.equal(refusal(await run(signed)), 'MODEL_FETCH_FAILED');
    assert.equal(ledger.reserved.length, 0);
    assert.equal((await run(signed)).kind, 'release');
    assert.equal(ledger.reserved.length, 1);
  });
});
