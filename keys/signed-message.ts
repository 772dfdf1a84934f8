/**
 * Signed messages: canonical JSON bytes plus a detached Ed25519 signature.
 * The signature covers the exact bytes that travel, and receivers parse
 * those bytes only after verifying them, never a re-serialisation (two
 * serialisers can disagree on the same value; bytes cannot).
 */
import { CentileError } from '../benchmark/errors.js';
import { canonicalBytes, canonicalJson } from './canonical-json.js';
import type { CanonicalValue } from './canonical-json.js';
import { PUBLIC_KEY_BYTES } from './identity.js';
import { SIGN_SECRET_KEY_BYTES } from './key-files.js';
import { loadSodium } from './sodium.js';

/** Bytes in an Ed25519 signature. */
export const SIGNATURE_BYTES = 64;

/** A body in canonical JSON bytes and its detached Ed25519 signature. */
export interface SignedMessage {
  /** UTF-8 canonical JSON (see `canonicalJson`). */
  readonly body: Uint8Array;
  /** Detached Ed25519 signature over exactly `body`. */
  readonly signature: Uint8Array;
}

/**
 * Serialises `body` canonically and signs the bytes with an Ed25519 secret
 * key (64-byte libsodium form, as `loadSigningKey` returns).
 * @throws TypeError when `body` holds a non-integer number (a caller bug).
 */
export async function signCanonical(
  body: CanonicalValue,
  secretKey: Uint8Array,
): Promise<SignedMessage> {
  if (secretKey.length !== SIGN_SECRET_KEY_BYTES)
    throw new TypeError('signing key has the wrong length');
  const sodium = await loadSodium();
  const bytes = canonicalBytes(body);
  return { body: bytes, signature: sodium.crypto_sign_detached(bytes, secretKey) };
}

/**
 * True when `message.signature` is a valid Ed25519 signature of exactly
 * `message.body` by `publicKey` (32 raw bytes). Malformed lengths are a
 * failed verification, not an exception: they arrive from the network.
 */
export async function verifySignedMessage(
  message: SignedMessage,
  publicKey: Uint8Array,
): Promise<boolean> {
  if (message.signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES)
    return false;
  const sodium = await loadSodium();
  try {
    return sodium.crypto_sign_verify_detached(message.signature, message.body, publicKey);
  } catch {
    return false; // libsodium throws on some invalid public keys (e.g. small-order points)
  }
}

/**
 * Parses signed body bytes as JSON, refusing anything that is not in
 * canonical form: otherwise one signed value could have many byte forms
 * (whitespace, key order, duplicate keys, `1.0`), and hash chains or replay
 * checks keyed on bytes could be sidestepped.
 * @throws CentileError `NON_CANONICAL_BODY`
 */
export function parseSignedBody(bytes: Uint8Array): unknown {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    value = JSON.parse(text);
  } catch (cause) {
    throw nonCanonical(cause);
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value as CanonicalValue);
  } catch (cause) {
    throw nonCanonical(cause); // floats and unsafe integers have no canonical form
  }
  if (canonical !== text) throw nonCanonical(undefined);
  return value;
}

function nonCanonical(cause: unknown): CentileError {
  return new CentileError(
    'invalid-input',
    'NON_CANONICAL_BODY',
    'signed body is not canonical JSON',
    { cause },
  );
}
