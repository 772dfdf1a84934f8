import { CentileError } from '../../benchmark/errors.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import { parseBase64Bytes } from '../../keys/base64.js';
import { keyIdOf, PUBLIC_KEY_BYTES } from '../../keys/identity.js';
import { decodeEnvelope, openModel } from '../../keys/model-envelope.js';
import type { NodeBoxKeys } from '../../keys/model-envelope.js';
import type { ModelOpener } from '../core/ports.js';

/**
 * Opens model envelopes with this node's X25519 key: the envelope must be
 * signed by the owner key the coordinator's signed task names, and describe
 * exactly the task's model (digest, owner, benchmark task). The plaintext
 * exists only in memory, on its way to the model runner.
 */
export function createEnvelopeOpener(keys: NodeBoxKeys): ModelOpener {
  return {
    open: async (bytes, task) => {
      const ownerKey = parseBase64Bytes(task.model.owner_sign_key, PUBLIC_KEY_BYTES);
      if (ownerKey === undefined) throw mismatch('the task names no valid owner key');
      const { header, model } = await openModel(decodeEnvelope(bytes), keys, ownerKey);
      if (!describesTask(header, task, keyIdOf(ownerKey))) {
        throw mismatch('the model envelope describes another model, owner or task');
      }
      return model;
    },
  };
}

function describesTask(
  header: Awaited<ReturnType<typeof openModel>>['header'],
  task: TaskBody,
  ownerKeyId: string,
): boolean {
  return (
    header.model_digest === task.model.digest &&
    header.owner === task.model.owner &&
    header.owner_key_id === ownerKeyId &&
    header.benchmark_task === task.benchmark_task
  );
}

function mismatch(message: string): CentileError {
  return new CentileError('invalid-input', 'MODEL_ENVELOPE_MISMATCH', message);
}
