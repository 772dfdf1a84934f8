/**
 * Model owners authenticate to the coordinator's REST API with their Ed25519
 * key: each request carries
 *
 *   Authorization: Centile-Owner key=<keyId>, ts=<unix ms>, sig=<base64>
 *
 * where the signature covers the method, the path with its query, the
 * timestamp and the SHA-256 of the body. The server accepts a timestamp
 * within a few minutes of its clock and each signature once, so a captured
 * request cannot be replayed or altered.
 */
import { parseBase64Bytes, toBase64 } from './base64.js';
import { sha256Hex } from './sha256.js';
import { SIGNATURE_BYTES } from './signed-message.js';
import { loadSodium } from './sodium.js';

export const OWNER_AUTH_SCHEME = 'Centile-Owner';

const OWNER_AUTH_PATTERN = new RegExp(
  `^${OWNER_AUTH_SCHEME} key=([0-9a-f]{16}), ts=(\\d{1,15}), sig=([A-Za-z0-9+/=]+)$`,
);

/** The parts of an owner's Authorization header. */
export interface OwnerAuthorization {
  readonly keyId: string;
  readonly timestampMs: number;
  readonly signature: Uint8Array;
}

/** The exact bytes an owner signs for one request. */
export function requestSigningBytes(
  method: string,
  pathWithQuery: string,
  timestampMs: number,
  body: Uint8Array,
): Uint8Array {
  const bodyDigest = sha256Hex(body);
  const text = ['centile-request/v1', method.toUpperCase(), pathWithQuery, timestampMs, bodyDigest];
  return new TextEncoder().encode(text.join('\n'));
}

/** The Authorization header value for a request, signed with the owner's Ed25519 secret key. */
export async function ownerAuthorization(
  keyId: string,
  signSecretKey: Uint8Array,
  request: { method: string; pathWithQuery: string; body: Uint8Array; nowMs: number },
): Promise<string> {
  const sodium = await loadSodium();
  const bytes = requestSigningBytes(
    request.method,
    request.pathWithQuery,
    request.nowMs,
    request.body,
  );
  const signature = toBase64(sodium.crypto_sign_detached(bytes, signSecretKey));
  return `${OWNER_AUTH_SCHEME} key=${keyId}, ts=${request.nowMs}, sig=${signature}`;
}

/** Parses an owner Authorization header; undefined for anything else or malformed. */
export function parseOwnerAuthorization(header: string): OwnerAuthorization | undefined {
  const match = OWNER_AUTH_PATTERN.exec(header);
  if (match === null) return undefined;
  const signature = parseBase64Bytes(match[3] ?? '', SIGNATURE_BYTES);
  if (signature === undefined) return undefined;
  return { keyId: match[1] ?? '', timestampMs: Number(match[2]), signature };
}
