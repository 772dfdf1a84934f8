import { asObject, parseJsonBody, readLiteral, readString, readStringArray } from './fields.js';

/**
 * The signed hello a node answers the coordinator's challenge with. Signing
 * the fresh challenge proves possession of the enrolled key on this stream.
 */
export type HelloBody = {
  readonly type: 'hello';
  readonly version: 1;
  readonly node_id: string;
  /** The challenge nonce, base64. */
  readonly challenge: string;
  readonly software_version: string;
  readonly datasets: readonly string[];
};

const CODE = 'HELLO_MALFORMED';

/** Signed hello bytes → `HelloBody`, or throws `HELLO_MALFORMED`. */
export function decodeHelloBody(bytes: Uint8Array): HelloBody {
  return parseHelloBody(parseJsonBody(bytes, CODE));
}

/** Untrusted JSON → `HelloBody`, or throws `HELLO_MALFORMED`. */
export function parseHelloBody(json: unknown): HelloBody {
  const obj = asObject(json, CODE);
  return {
    type: readLiteral(obj, 'type', 'hello', CODE),
    version: readLiteral(obj, 'version', 1, CODE),
    node_id: readString(obj, 'node_id', CODE),
    challenge: readString(obj, 'challenge', CODE),
    software_version: readString(obj, 'software_version', CODE),
    datasets: readStringArray(obj, 'datasets', CODE),
  };
}
