/**
 * Public identities: who signs and who can receive sealed data. Every role
 * (coordinator, hospital node, model owner) has one Ed25519 key for signing
 * and one X25519 key for sealing; the identity file carries only the public
 * halves and is safe to share, e.g. when enrolling a node.
 */
import { createHash } from 'node:crypto';
import { CentileError } from '../benchmark/errors.js';
import { parseBase64Bytes } from './base64.js';

/** The roles that hold keys. */
export type Role = 'coordinator' | 'node' | 'owner';

/** Every role, for validation and usage text. */
export const ROLES: readonly Role[] = ['coordinator', 'node', 'owner'];

/** Bytes in an Ed25519 or X25519 public key. */
export const PUBLIC_KEY_BYTES = 32;

/** The shareable half of a key holder's keys. */
export interface PublicIdentity {
  readonly role: Role;
  /** Lowercase name, see `NAME_PATTERN`; also the key files' base name. */
  readonly name: string;
  /** Ed25519 public key, standard padded base64 (32 bytes). */
  readonly signPublicKey: string;
  /** X25519 public key, standard padded base64 (32 bytes). */
  readonly boxPublicKey: string;
  /** First 16 hex characters of SHA-256 of the raw signing public key. */
  readonly keyId: string;
}

/**
 * Names of key holders: lowercase letters, digits and hyphens, 1–63
 * characters, not starting with a hyphen. They become file names, so no
 * separators, dots or case-folding surprises.
 */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** True when `name` is a valid key holder name. */
export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** True when `value` is one of `ROLES`. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Key id of a raw Ed25519 public key: first 16 hex chars of its SHA-256. */
export function keyIdOf(signPublicKey: Uint8Array): string {
  return createHash('sha256').update(signPublicKey).digest('hex').slice(0, 16);
}

/**
 * Validates untrusted JSON (already parsed) as a `PublicIdentity`. Every field
 * is checked, and `keyId` must match the signing key, so a tampered or
 * hand-edited identity cannot claim another holder's key id. Unknown fields
 * are ignored (and dropped) so later versions can add fields.
 * @throws CentileError `INVALID_IDENTITY`
 */
export function parsePublicIdentity(json: unknown): PublicIdentity {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid('identity must be a JSON object');
  }
  const record = json as Record<string, unknown>;
  const { role, name, signPublicKey, boxPublicKey, keyId } = record;
  if (!isRole(role)) throw invalid(`role must be one of ${ROLES.join(', ')}`);
  if (typeof name !== 'string' || !isValidName(name)) throw invalid('name is not a valid name');
  const signKey = publicKeyField(signPublicKey, 'signPublicKey');
  publicKeyField(boxPublicKey, 'boxPublicKey');
  if (typeof keyId !== 'string' || keyId !== keyIdOf(signKey)) {
    throw invalid('keyId does not match signPublicKey');
  }
  return Object.freeze({
    role,
    name,
    signPublicKey: signPublicKey as string,
    boxPublicKey: boxPublicKey as string,
    keyId,
  });
}

/** Raw bytes of an identity's Ed25519 signing key. */
export function signPublicKeyBytes(identity: PublicIdentity): Uint8Array {
  return publicKeyField(identity.signPublicKey, 'signPublicKey');
}

/** Raw bytes of an identity's X25519 sealing key. */
export function boxPublicKeyBytes(identity: PublicIdentity): Uint8Array {
  return publicKeyField(identity.boxPublicKey, 'boxPublicKey');
}

function publicKeyField(value: unknown, field: string): Uint8Array {
  const bytes = typeof value === 'string' ? parseBase64Bytes(value, PUBLIC_KEY_BYTES) : undefined;
  if (bytes === undefined) throw invalid(`${field} must be base64 of ${PUBLIC_KEY_BYTES} bytes`);
  return bytes;
}

function invalid(message: string): CentileError {
  return new CentileError('invalid-input', 'INVALID_IDENTITY', message);
}
