/**
 * Model confidentiality: a model owner's ONNX bytes travel and rest only as
 * an envelope. The owner encrypts them with XChaCha20-Poly1305 under a fresh
 * random content key, seals that key to each target node's X25519 key
 * (`crypto_box_seal`: only that node can open it), and signs a header that
 * binds the digests, the nonce and every sealed key to the owner's Ed25519
 * key. The coordinator stores and serves the envelope without being able to
 * read it; a node opens its sealed key, decrypts in memory and checks the
 * signature and the plaintext digest before the model is loaded.
 */
import { CentileError } from '../benchmark/errors.js';
import { parseBase64Bytes, toBase64 } from './base64.js';
import { canonicalBytes } from './canonical-json.js';
import {
  parseSignedBody,
  SIGNATURE_BYTES,
  signCanonical,
  verifySignedMessage,
} from './signed-message.js';
import { sha256Hex } from './sha256.js';
import { loadSodium } from './sodium.js';

/** What the owner signs. Binary values are base64; digests are SHA-256 hex. */
export type EnvelopeHeader = {
  readonly type: 'model_envelope';
  readonly version: 1;
  readonly owner: string;
  readonly owner_key_id: string;
  readonly name: string;
  readonly benchmark_task: string;
  /** Of the plaintext model: the digest rounds and releases name. */
  readonly model_digest: string;
  readonly model_size: number;
  readonly ciphertext_digest: string;
  readonly nonce: string;
  /** The content key sealed to each node, sorted by node name. */
  readonly sealed_keys: readonly { readonly node: string; readonly key: string }[];
};

/** A sealed model: the signed header and the ciphertext. */
export interface ModelEnvelope {
  /** Canonical JSON of `EnvelopeHeader`. */
  readonly header: Uint8Array;
  readonly signature: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** The owner's side of `sealModel`. */
export interface ModelOwnerKeys {
  readonly name: string;
  readonly keyId: string;
  /** Ed25519 secret key (64 bytes). */
  readonly signSecretKey: Uint8Array;
}

/** A node the model is sealed for. */
export interface EnvelopeRecipient {
  readonly node: string;
  /** X25519 public key (32 bytes). */
  readonly boxPublicKey: Uint8Array;
}

/** What the model is, as the owner states it. */
export interface ModelDescription {
  readonly name: string;
  readonly benchmarkTask: string;
}

/** Encrypts `model` for `recipients` and signs the header as `owner`. */
export async function sealModel(
  model: Uint8Array,
  description: ModelDescription,
  owner: ModelOwnerKeys,
  recipients: readonly EnvelopeRecipient[],
): Promise<ModelEnvelope> {
  if (recipients.length === 0) throw envelopeError('MODEL_NO_RECIPIENTS', 'no node to seal for');
  const sodium = await loadSodium();
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const modelDigest = sha256Hex(model);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    model,
    associatedData(owner.keyId, modelDigest),
    null,
    nonce,
    key,
  );
  const sealedKeys = [...recipients]
    .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))
    .map(({ node, boxPublicKey }) => ({
      node,
      key: toBase64(sodium.crypto_box_seal(key, boxPublicKey)),
    }));
  sodium.memzero(key);
  const header: EnvelopeHeader = {
    type: 'model_envelope',
    version: 1,
    owner: owner.name,
    owner_key_id: owner.keyId,
    name: description.name,
    benchmark_task: description.benchmarkTask,
    model_digest: modelDigest,
    model_size: model.length,
    ciphertext_digest: sha256Hex(ciphertext),
    nonce: toBase64(nonce),
    sealed_keys: sealedKeys,
  };
  const signed = await signCanonical(header, owner.signSecretKey);
  return { header: signed.body, signature: signed.signature, ciphertext };
}

/** A node's keys, to open an envelope sealed for it. */
export interface NodeBoxKeys {
  readonly node: string;
  readonly boxPublicKey: Uint8Array;
  readonly boxSecretKey: Uint8Array;
}

/**
 * Checks the owner's signature (by `ownerSignPublicKey`), opens this node's
 * sealed key, decrypts and checks the plaintext digest; returns the header
 * and the model bytes, in memory only.
 */
export async function openModel(
  envelope: ModelEnvelope,
  keys: NodeBoxKeys,
  ownerSignPublicKey: Uint8Array,
): Promise<{ header: EnvelopeHeader; model: Uint8Array }> {
  const signed = { body: envelope.header, signature: envelope.signature };
  if (!(await verifySignedMessage(signed, ownerSignPublicKey))) {
    throw envelopeError('MODEL_SIGNATURE_INVALID', "the model is not signed by its owner's key");
  }
  const header = parseHeader(envelope.header);
  if (sha256Hex(envelope.ciphertext) !== header.ciphertext_digest) {
    throw envelopeError('MODEL_DIGEST_MISMATCH', 'the encrypted model was altered');
  }
  const sealed = header.sealed_keys.find((entry) => entry.node === keys.node);
  if (sealed === undefined) {
    throw envelopeError('MODEL_NOT_SEALED_FOR_NODE', 'the model was not sealed for this node');
  }
  const sodium = await loadSodium();
  const sealedKey = bytesOf(sealed.key, sodium.crypto_box_SEALBYTES + KEY_BYTES);
  const key = openSealedKey(sodium, sealedKey, keys);
  try {
    const model = decrypt(sodium, envelope.ciphertext, header, key);
    if (model.length !== header.model_size || sha256Hex(model) !== header.model_digest) {
      throw envelopeError('MODEL_DIGEST_MISMATCH', 'the decrypted model does not match its digest');
    }
    return { header, model };
  } finally {
    sodium.memzero(key);
  }
}

type Sodium = Awaited<ReturnType<typeof loadSodium>>;

function openSealedKey(sodium: Sodium, sealed: Uint8Array, keys: NodeBoxKeys): Uint8Array {
  try {
    return sodium.crypto_box_seal_open(sealed, keys.boxPublicKey, keys.boxSecretKey);
  } catch {
    throw envelopeError('MODEL_DECRYPT_FAILED', "this node's key does not open the model");
  }
}

function decrypt(
  sodium: Sodium,
  ciphertext: Uint8Array,
  header: EnvelopeHeader,
  key: Uint8Array,
): Uint8Array {
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      associatedData(header.owner_key_id, header.model_digest),
      bytesOf(header.nonce, sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES),
      key,
    );
  } catch {
    throw envelopeError('MODEL_DECRYPT_FAILED', 'the encrypted model does not authenticate');
  }
}

/** Binds the ciphertext to its owner and plaintext digest, beyond the signature. */
function associatedData(ownerKeyId: string, modelDigest: string): Uint8Array {
  return canonicalBytes({ owner_key_id: ownerKeyId, model_digest: modelDigest });
}

/** The signed header of an envelope, after its signature was checked or for display. */
export function parseHeader(bytes: Uint8Array): EnvelopeHeader {
  const value = parseSignedBody(bytes) as Partial<EnvelopeHeader> | null;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  const ok =
    value !== null &&
    typeof value === 'object' &&
    value.type === 'model_envelope' &&
    value.version === 1 &&
    [value.owner, value.owner_key_id, value.name, value.benchmark_task].every(text) &&
    [value.model_digest, value.ciphertext_digest].every((d) => /^[0-9a-f]{64}$/.test(String(d))) &&
    Number.isSafeInteger(value.model_size) &&
    text(value.nonce) &&
    Array.isArray(value.sealed_keys) &&
    value.sealed_keys.every(
      (entry: { node?: unknown; key?: unknown } | null) => text(entry?.node) && text(entry?.key),
    );
  if (!ok) throw envelopeError('MODEL_ENVELOPE_INVALID', 'the model envelope header is malformed');
  return value as EnvelopeHeader;
}

const MAGIC = new TextEncoder().encode('CMENV1');

/** One byte string for storage and transfer: magic, header length, header, signature, ciphertext. */
export function encodeEnvelope(envelope: ModelEnvelope): Uint8Array {
  const { header, signature, ciphertext } = envelope;
  const out = new Uint8Array(
    MAGIC.length + 4 + header.length + SIGNATURE_BYTES + ciphertext.length,
  );
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(MAGIC.length, header.length);
  out.set(header, MAGIC.length + 4);
  out.set(signature, MAGIC.length + 4 + header.length);
  out.set(ciphertext, MAGIC.length + 4 + header.length + SIGNATURE_BYTES);
  return out;
}

/** The inverse of `encodeEnvelope`; throws `MODEL_ENVELOPE_INVALID` on anything else. */
export function decodeEnvelope(bytes: Uint8Array): ModelEnvelope {
  const invalid = () => envelopeError('MODEL_ENVELOPE_INVALID', 'not a Centile model envelope');
  if (bytes.length < MAGIC.length + 4 || !MAGIC.every((b, i) => bytes[i] === b)) throw invalid();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length);
  const signatureAt = MAGIC.length + 4 + headerLength;
  if (signatureAt + SIGNATURE_BYTES > bytes.length) throw invalid();
  return {
    header: bytes.slice(MAGIC.length + 4, signatureAt),
    signature: bytes.slice(signatureAt, signatureAt + SIGNATURE_BYTES),
    ciphertext: bytes.slice(signatureAt + 64),
  };
}

/** Bytes in an XChaCha20-Poly1305 key. */
const KEY_BYTES = 32;

function bytesOf(text: string, length: number): Uint8Array {
  const bytes = parseBase64Bytes(text, length);
  if (bytes === undefined)
    throw envelopeError('MODEL_ENVELOPE_INVALID', 'the model envelope header is malformed');
  return bytes;
}

function envelopeError(code: string, message: string): CentileError {
  return new CentileError('invalid-input', code, message);
}
