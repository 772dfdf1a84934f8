import { strict as assert } from 'node:assert';
import type { RoundRecord, TaskRecord } from '../../../coordinator/core/records.js';
import { settleAllRounds, settleRound } from '../../../coordinator/core/settle-round.js';
import { SqliteStore } from '../../../coordinator/storage/sqlite-store.js';

/** A store with one model, one running round (quorum `quorum`) and one task per node. */
function storeWithRound(nodes: readonly string[], quorum: number): SqliteStore {
  const store = new SqliteStore(':memory:');
  for (const id of nodes)
    store.upsertNode({ id, signPublicKey: `s-${id}`, boxPublicKey: `b-${id}` }, 0);
  store.insertModel(
    {
      digest: 'd',
      name: 'm',
      owner: 'o',
      ownerKeyId: 'k',
      benchmarkTask: 'growth.status/v1',
      sizeBytes: 1,
      envelopeDigest: 'e',
      sealedFor: [...nodes],
    },
    new Uint8Array(1),
    0,
  );
  const round: RoundRecord = {
    id: 'r',
    benchmarkTask: 'growth.status/v1',
    modelDigest: 'd',
    rho: '0.1',
    quorum,
    deadlineAt: 100,
    state: 'running',
    createdAt: 0,
    publishedAt: null,
  };
  store.insertRound(round);
  for (const nodeId of nodes) {
    const task: TaskRecord = {
      id: `t-${nodeId}`,
      roundId: 'r',
      nodeId,
      body: new Uint8Array(1),
      signature: new Uint8Array(1),
      state: 'pending',
      progress: 0,
      errorCode: null,
    };
    store.insertTask(task, 0);
  }
  return store;
}

const states = (store: SqliteStore) =>
  store.tasksOfRound('r').map((t) => [t.nodeId, t.state, t.errorCode]);

describe('settling a round', () => {
  it('waits while tasks are open before the deadline', () => {
    const store = storeWithRound(['a', 'b'], 2);
    settleRound(store, 'r', 50);
    assert.equal(store.findRound('r')?.state, 'running');
  });

  it('ends at the deadline: a connected node timed out, a disconnected one was offline', () => {
    const store = storeWithRound(['a', 'b', 'c'], 1);
    store.updateTask('t-a', 'done', 1, null, 10);
    settleAllRounds(store, 100, (id) => id === 'b');
    assert.deepEqual(states(store), [
      ['a', 'done', null],
      ['b', 'timed_out', 'DEADLINE_EXCEEDED'],
      ['c', 'offline', 'NODE_OFFLINE'],
    ]);
    assert.equal(store.findRound('r')?.state, 'complete');
  });

  it("leaves the deadline to the timer after a site's own update, which cannot tell who is offline", () => {
    const store = storeWithRound(['a', 'b'], 1);
    store.updateTask('t-a', 'done', 1, null, 150);
    settleRound(store, 'r', 150);
    assert.deepEqual(states(store), [
      ['a', 'done', null],
      ['b', 'pending', null],
    ]);
    settleAllRounds(store, 150, () => false);
    assert.equal(store.findRound('r')?.state, 'complete');
    assert.deepEqual(states(store)[1], ['b', 'offline', 'NODE_OFFLINE']);
  });

  it('fails a round whose finished sites miss the quorum, instead of hanging', () => {
    const store = storeWithRound(['a', 'b'], 2);
    store.updateTask('t-a', 'refused', 0, 'BUDGET_EXHAUSTED', 10);
    store.updateTask('t-b', 'done', 1, null, 20);
    settleRound(store, 'r', 30);
    assert.equal(store.findRound('r')?.state, 'failed');
  });
});
