import { once } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import { CentileError } from '../../benchmark/errors.js';
import { decodeTaskBody } from '../../benchmark/protocol/task-body.js';
import type { FetchModelRequest__Output } from '../../proto/gen/centile/v1/FetchModelRequest.js';
import type { ModelChunk } from '../../proto/gen/centile/v1/ModelChunk.js';
import type { FederationDeps } from './federation-service.js';

const CHUNK_BYTES = 256 * 1024;

/**
 * Streams the model envelope of one of the caller's tasks (the coordinator
 * holds nothing else of a model). The session token from the
 * node's authenticated Connect stream identifies the node; the task must be
 * its own and name this digest. The last chunk carries the SHA-256 of all bytes.
 */
export async function streamModel(
  deps: FederationDeps,
  call: grpc.ServerWritableStream<FetchModelRequest__Output, ModelChunk>,
): Promise<void> {
  const { session_token: token, task_id: taskId, model_digest: digest } = call.request;
  const nodeId = deps.nodes.nodeForToken(token);
  if (nodeId === undefined)
    throw new CentileError('unauthenticated', 'SESSION_UNKNOWN', 'no such session');
  const task = deps.store.findTask(taskId);
  const body = task && decodeTaskBody(task.body);
  if (task?.nodeId !== nodeId || body?.model.digest !== digest) {
    throw new CentileError(
      'permission-denied',
      'MODEL_NOT_AUTHORISED',
      'model not part of a task of this node',
    );
  }
  const bytes = deps.store.modelEnvelope(digest);
  if (bytes === undefined)
    throw new CentileError('not-found', 'MODEL_NOT_FOUND', 'model not found');
  const total = String(bytes.length);
  // Hashed once at submission; the node checks the bytes against it.
  const fullDigest = body.model.envelope_digest;
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const end = Math.min(bytes.length, offset + CHUNK_BYTES);
    const last = end === bytes.length;
    const chunk = {
      offset: String(offset),
      data: bytes.subarray(offset, end),
      total_bytes: total,
      digest: last ? fullDigest : '',
    };
    if (!call.write(chunk)) await once(call, 'drain');
  }
  call.end();
}
