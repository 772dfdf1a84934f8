import { CentileError } from '../../benchmark/errors.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import type { PublicIdentity } from '../../keys/identity.js';
import type { Clock, CoordinatorStore, RandomIds, Signer, TaskDispatcher } from './ports.js';
import type { ModelRecord, RoundRecord, TaskRecord } from './records.js';

/** What an operator asks for when launching a round. */
export interface LaunchRoundRequest {
  readonly modelDigest: string;
  /** ρ per site as an exact decimal string, e.g. "0.05". */
  readonly rho: string;
  /** Target nodes; every enrolled node the model is sealed for when omitted. */
  readonly nodeIds?: readonly string[];
  readonly dataset: string;
  readonly deadlineMs: number;
  /** Sites that must report for the round to count; all targets when omitted. */
  readonly quorum?: number;
}

export interface LaunchDeps {
  readonly store: CoordinatorStore;
  /** Registered model owners by key id: tasks carry the owner's key so nodes can check the envelope. */
  readonly owners: ReadonlyMap<string, PublicIdentity>;
  readonly signer: Signer;
  readonly clock: Clock;
  readonly ids: RandomIds;
  readonly dispatcher: TaskDispatcher;
}

const RHO_PATTERN = /^(0|[1-9]\d*)(\.\d+)?$/;

/** Creates a round and one signed task per target node, stores them, and offers them. */
export async function launchRound(
  deps: LaunchDeps,
  request: LaunchRoundRequest,
): Promise<RoundRecord> {
  const model = deps.store.findModel(request.modelDigest);
  if (model === undefined)
    throw new CentileError('not-found', 'MODEL_NOT_FOUND', 'no model with that digest');
  if (!RHO_PATTERN.test(request.rho) || Number(request.rho) <= 0) {
    throw new CentileError('invalid-input', 'INVALID_RHO', 'rho must be a positive decimal');
  }
  const owner = deps.owners.get(model.ownerKeyId);
  if (owner === undefined)
    throw new CentileError(
      'failed-precondition',
      'OWNER_UNKNOWN',
      "the model's owner is not registered",
    );
  const nodeIds = targetNodes(deps, model, request.nodeIds);
  const now = deps.clock.now();
  const round: RoundRecord = {
    id: deps.ids.id('round'),
    benchmarkTask: model.benchmarkTask,
    modelDigest: model.digest,
    rho: request.rho,
    quorum: Math.min(request.quorum ?? nodeIds.length, nodeIds.length),
    deadlineAt: now + request.deadlineMs,
    state: 'running',
    createdAt: now,
    publishedAt: null,
  };
  const tasks = await Promise.all(
    nodeIds.map((nodeId) => signTask(deps, round, nodeId, request.dataset, model, owner)),
  );
  deps.store.transaction(() => {
    deps.store.insertRound(round);
    for (const task of tasks) deps.store.insertTask(task, now);
  });
  for (const task of tasks) deps.dispatcher.offer(task.nodeId, task);
  return round;
}

function targetNodes(
  deps: LaunchDeps,
  model: ModelRecord,
  requested: readonly string[] | undefined,
): string[] {
  const enrolled = new Set(deps.store.listNodes().map((n) => n.id));
  const sealed = new Set(model.sealedFor);
  const ids =
    requested === undefined
      ? [...enrolled].filter((id) => sealed.has(id))
      : [...new Set(requested)];
  if (ids.length === 0)
    throw new CentileError(
      'failed-precondition',
      'NO_NODES',
      'no enrolled node can open this model',
    );
  const unknown = ids.find((id) => !enrolled.has(id));
  if (unknown !== undefined)
    throw new CentileError('not-found', 'NODE_NOT_FOUND', `node '${unknown}' is not enrolled`);
  const unsealed = ids.find((id) => !sealed.has(id));
  if (unsealed !== undefined) {
    throw new CentileError(
      'failed-precondition',
      'MODEL_NOT_SEALED_FOR_NODE',
      `the model was not sealed for node '${unsealed}'`,
    );
  }
  return ids;
}

async function signTask(
  deps: LaunchDeps,
  round: RoundRecord,
  nodeId: string,
  dataset: string,
  model: ModelRecord,
  owner: PublicIdentity,
): Promise<TaskRecord> {
  const body: TaskBody = {
    type: 'evaluation_task',
    version: 1,
    task_id: deps.ids.id('task'),
    round_id: round.id,
    node_id: nodeId,
    benchmark_task: round.benchmarkTask,
    dataset,
    model: {
      digest: round.modelDigest,
      size_bytes: model.sizeBytes,
      name: model.name,
      owner: model.owner,
      owner_sign_key: owner.signPublicKey,
      envelope_digest: model.envelopeDigest,
    },
    privacy: { mechanism: 'discrete_gaussian', rho: round.rho },
    issued_at_ms: round.createdAt,
    deadline_ms: round.deadlineAt,
    nonce: deps.ids.nonce(),
    coordinator_key_id: deps.signer.keyId,
  };
  const signed = await deps.signer.sign(body);
  return {
    id: body.task_id,
    roundId: round.id,
    nodeId,
    body: signed.body,
    signature: signed.signature,
    state: 'pending',
    progress: 0,
    errorCode: null,
  };
}
