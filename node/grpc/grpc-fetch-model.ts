import type * as grpc from '@grpc/grpc-js';
import { CentileError } from '../../benchmark/errors.js';
import type { FederationClient } from '../../proto/gen/centile/v1/Federation.js';
import type { ModelChunk__Output } from '../../proto/gen/centile/v1/ModelChunk.js';
import { sha256Hex } from '../../keys/sha256.js';
import type { ModelFetcher } from '../core/ports.js';

export interface FetchModelOptions {
  readonly client: () => FederationClient | undefined;
  readonly sessionToken: () => string | undefined;
  readonly maxModelBytes: number;
  readonly timeoutMs: number;
}

/** Downloads a task's model envelope over FetchModel, checking size, order and SHA-256 digest. */
export function createGrpcModelFetcher(options: FetchModelOptions): ModelFetcher {
  return {
    fetch: (taskId, { digest, envelope_digest: envelopeDigest, size_bytes: sizeBytes }) => {
      const client = options.client();
      const token = options.sessionToken();
      if (client === undefined || token === undefined) {
        return Promise.reject(
          new CentileError('unavailable', 'NOT_CONNECTED', 'not connected to the coordinator'),
        );
      }
      if (sizeBytes > options.maxModelBytes) {
        return Promise.reject(
          new CentileError(
            'invalid-input',
            'MODEL_TOO_LARGE',
            "model exceeds this node's size limit",
          ),
        );
      }
      const call = client.FetchModel(
        { session_token: token, task_id: taskId, model_digest: digest },
        { deadline: Date.now() + options.timeoutMs },
      );
      return collect(call, envelopeDigest, sizeBytes);
    },
  };
}

function collect(
  call: grpc.ClientReadableStream<ModelChunk__Output>,
  digest: string,
  sizeBytes: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let received = 0;
    call.on('data', (chunk: ModelChunk__Output) => {
      if (Number(chunk.offset) !== received || received + chunk.data.length > sizeBytes) {
        call.cancel();
        reject(
          new CentileError(
            'invalid-input',
            'MODEL_FETCH_FAILED',
            'model chunks out of order or too large',
          ),
        );
        return;
      }
      parts.push(chunk.data);
      received += chunk.data.length;
    });
    call.on('error', () =>
      reject(new CentileError('unavailable', 'MODEL_FETCH_FAILED', 'model download failed')),
    );
    call.on('end', () => {
      const bytes = Buffer.concat(parts);
      const actual = sha256Hex(bytes);
      if (actual !== digest || bytes.length !== sizeBytes) {
        reject(
          new CentileError(
            'invalid-input',
            'MODEL_DIGEST_MISMATCH',
            'model bytes do not match the signed digest',
          ),
        );
        return;
      }
      resolve(new Uint8Array(bytes));
    });
  });
}
