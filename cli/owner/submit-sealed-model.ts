import { CentileError } from '../../benchmark/errors.js';
import { parseBase64Bytes } from '../../keys/base64.js';
import { PUBLIC_KEY_BYTES } from '../../keys/identity.js';
import { encodeEnvelope, sealModel } from '../../keys/model-envelope.js';
import type { ModelDescription } from '../../keys/model-envelope.js';
import { callApi } from '../operator-api.js';
import type { ApiTarget } from '../operator-api.js';

/** What the coordinator says it stored. */
export interface SubmittedModel {
  readonly digest: string;
  readonly name: string;
  readonly envelope_bytes: number;
  readonly sealed_for: readonly string[];
}

/**
 * The owner's side of model confidentiality: fetch the enrolled nodes'
 * X25519 keys, seal the model for them (all of them, or `nodes`), and upload
 * only the envelope. The plaintext never leaves this process.
 */
export async function submitSealedModel(
  api: ApiTarget,
  model: Uint8Array,
  description: ModelDescription,
  nodes?: readonly string[],
): Promise<SubmittedModel> {
  const owner = api.owner;
  if (owner === undefined) {
    throw new CentileError(
      'invalid-input',
      'USAGE',
      'models are submitted by their owner (--owner)',
    );
  }
  const enrolled = await callApi<{ id: string; box_public_key: string }[]>(api, 'GET', '/v1/nodes');
  const wanted = enrolled.filter((node) => nodes === undefined || nodes.includes(node.id));
  const missing = nodes?.find((id) => !enrolled.some((node) => node.id === id));
  if (missing !== undefined) {
    throw new CentileError('not-found', 'NODE_NOT_FOUND', `node '${missing}' is not enrolled`);
  }
  const recipients = wanted.map((node) => ({
    node: node.id,
    boxPublicKey: boxKey(node.box_public_key, node.id),
  }));
  const envelope = await sealModel(model, description, owner, recipients);
  return callApi<SubmittedModel>(api, 'POST', '/v1/models', { bytes: encodeEnvelope(envelope) });
}

function boxKey(text: string, node: string): Uint8Array {
  const key = parseBase64Bytes(text, PUBLIC_KEY_BYTES);
  if (key === undefined) {
    throw new CentileError(
      'invalid-input',
      'NODE_KEY_INVALID',
      `node '${node}' has no valid X25519 key`,
    );
  }
  return key;
}
