/**
 * Model submission. Only a registered model owner submits, and only as a
 * sealed envelope (keys/model-envelope.ts): the coordinator checks the
 * owner's signature on the header and that every recipient is an enrolled
 * node, and stores the envelope — it never sees the model itself.
 */
import { CentileError } from '../../benchmark/errors.js';
import { findTask } from '../../benchmark/tasks/task-catalog.js';
import { signPublicKeyBytes } from '../../keys/identity.js';
import { decodeEnvelope, parseHeader } from '../../keys/model-envelope.js';
import { sha256Hex } from '../../keys/sha256.js';
import { verifySignedMessage } from '../../keys/signed-message.js';
import type { ModelRecord } from '../core/records.js';
import type { RestApiDeps } from './rest-api.js';
import type { Route, RouteContext } from './routes.js';

export const MODEL_ROUTES: readonly Route<RestApiDeps>[] = [
  {
    method: 'post',
    path: '/v1/models',
    summary: "Submit a model envelope (the owner's signed, encrypted model)",
    roles: ['owner'],
    body: 'envelope',
    status: 201,
    handle: submitModel,
  },
  {
    method: 'get',
    path: '/v1/models',
    summary: 'Models: all for the operator, their own for an owner',
    roles: ['operator', 'owner'],
    handle: ({ deps, principal }) =>
      deps.store
        .listModels()
        .filter((m) => principal.role === 'operator' || ownsModel(principal, m))
        .map(describeModel),
  },
];

async function submitModel({ deps, principal, body }: RouteContext<RestApiDeps>) {
  if (principal.role !== 'owner')
    throw new CentileError('permission-denied', 'ROLE_NOT_ALLOWED', 'owners only');
  const envelope = decodeEnvelope(body);
  const owner = deps.owners.get(principal.keyId);
  const ownerKey = owner && signPublicKeyBytes(owner);
  const signed = { body: envelope.header, signature: envelope.signature };
  if (ownerKey === undefined || !(await verifySignedMessage(signed, ownerKey))) {
    throw new CentileError(
      'invalid-input',
      'MODEL_SIGNATURE_INVALID',
      'the envelope is not signed by you',
    );
  }
  const header = parseHeader(envelope.header);
  if (header.owner !== principal.name || header.owner_key_id !== principal.keyId) {
    throw new CentileError(
      'invalid-input',
      'MODEL_OWNER_MISMATCH',
      'the envelope names another owner',
    );
  }
  if (findTask(header.benchmark_task) === undefined) {
    throw new CentileError('invalid-input', 'TASK_UNKNOWN', 'unknown benchmark task');
  }
  const enrolled = new Set(deps.store.listNodes().map((n) => n.id));
  const sealedFor = header.sealed_keys.map((k) => k.node);
  const stranger = sealedFor.find((node) => !enrolled.has(node));
  if (stranger !== undefined) {
    throw new CentileError(
      'invalid-input',
      'MODEL_RECIPIENT_UNKNOWN',
      `'${stranger}' is not an enrolled node`,
    );
  }
  const model: ModelRecord = {
    digest: header.model_digest,
    name: header.name,
    owner: principal.name,
    ownerKeyId: principal.keyId,
    benchmarkTask: header.benchmark_task,
    sizeBytes: body.length,
    envelopeDigest: sha256Hex(body),
    sealedFor,
  };
  deps.store.insertModel(model, body, deps.clock.now());
  deps.log.info({ digest: model.digest, task: model.benchmarkTask }, 'model envelope stored');
  return describeModel(deps.store.findModel(model.digest) ?? model);
}

/** True when `principal` is the owner of `model`. */
export function ownsModel(
  principal: { role: string; keyId?: string },
  model: ModelRecord,
): boolean {
  return principal.role === 'owner' && principal.keyId === model.ownerKeyId;
}

function describeModel(model: ModelRecord) {
  return {
    digest: model.digest,
    name: model.name,
    owner: model.owner,
    benchmark_task: model.benchmarkTask,
    envelope_bytes: model.sizeBytes,
    sealed_for: model.sealedFor,
  };
}
