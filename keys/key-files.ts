/**
 * Key files on disk. Private keys are base64 text files with mode 0600 and
 * are only ever read by the process that uses them; the identity file holds
 * the public halves (mode 0644). Files are never overwritten: replacing a
 * key silently would orphan every signature and sealed model made for it.
 */
import { mkdir, open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CentileError } from '../benchmark/errors.js';
import { parseBase64Bytes, toBase64 } from './base64.js';
import { isRole, isValidName, keyIdOf, parsePublicIdentity } from './identity.js';
import type { PublicIdentity, Role } from './identity.js';
import { loadSodium } from './sodium.js';
import {
  HAS_FILE_MODES,
  assertNoneExist,
  directoryFailed,
  writeNewFiles,
} from './write-new-file.js';

/** What `initKeys` needs. */
export interface InitKeysOptions {
  readonly role: Role;
  /** Key holder name (see `NAME_PATTERN`); also the files' base name. */
  readonly name: string;
  /** Directory for the three files; created (mode 0700) when missing. */
  readonly outDir: string;
}

/** Where `initKeys` wrote its files. */
export interface KeyFilePaths {
  readonly identityPath: string;
  readonly signKeyPath: string;
  readonly boxKeyPath: string;
}

/** Bytes in a libsodium Ed25519 secret key (32-byte seed + 32-byte public key). */
export const SIGN_SECRET_KEY_BYTES = 64;
/** Bytes in an X25519 secret key. */
export const BOX_SECRET_KEY_BYTES = 32;

const PRIVATE_MODE = 0o600;
const PUBLIC_MODE = 0o644;

/** The three file paths for `name` in `outDir`. */
export function keyFilePaths(outDir: string, name: string): KeyFilePaths {
  return {
    identityPath: path.join(outDir, `${name}.identity.json`),
    signKeyPath: path.join(outDir, `${name}.sign.key`),
    boxKeyPath: path.join(outDir, `${name}.box.key`),
  };
}

/**
 * Generates an Ed25519 signing pair and an X25519 sealing pair and writes
 * `NAME.sign.key`, `NAME.box.key` (0600) and `NAME.identity.json` (0644).
 * Nothing is written when any of the three already exists.
 * @throws CentileError `INVALID_NAME`, `INVALID_ROLE`, `KEY_EXISTS`, `KEY_WRITE_FAILED`
 */
export async function initKeys(options: InitKeysOptions): Promise<KeyFilePaths> {
  const { role, name, outDir } = options;
  if (!isValidName(name)) {
    throw new CentileError(
      'invalid-input',
      'INVALID_NAME',
      'name must match [a-z0-9][a-z0-9-]{0,62}',
    );
  }
  if (!isRole(role)) throw new CentileError('invalid-input', 'INVALID_ROLE', 'unknown role');
  const paths = keyFilePaths(outDir, name);
  await assertNoneExist(Object.values(paths));
  await mkdir(outDir, { recursive: true, mode: 0o700 }).catch((cause: unknown) => {
    throw directoryFailed(cause);
  });
  const sodium = await loadSodium();
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  const identity: PublicIdentity = {
    role,
    name,
    signPublicKey: toBase64(sign.publicKey),
    boxPublicKey: toBase64(box.publicKey),
    keyId: keyIdOf(sign.publicKey),
  };
  try {
    await writeNewFiles([
      [paths.signKeyPath, `${toBase64(sign.privateKey)}\n`, PRIVATE_MODE],
      [paths.boxKeyPath, `${toBase64(box.privateKey)}\n`, PRIVATE_MODE],
      [paths.identityPath, `${JSON.stringify(identity, null, 2)}\n`, PUBLIC_MODE],
    ]);
  } finally {
    // Best effort: the base64 copies are JS strings, which cannot be wiped.
    sodium.memzero(sign.privateKey);
    sodium.memzero(box.privateKey);
  }
  return paths;
}

/**
 * Reads an Ed25519 secret key written by `initKeys`, checking that its
 * embedded public half matches its seed (a corrupted file fails here, not at
 * the first verification elsewhere).
 * @throws CentileError `KEY_NOT_FOUND`, `KEY_PERMISSIONS`, `INVALID_KEY_FILE`
 */
export async function loadSigningKey(filePath: string): Promise<Uint8Array> {
  const secretKey = await readSecretKey(filePath, SIGN_SECRET_KEY_BYTES);
  const sodium = await loadSodium();
  const derived = sodium.crypto_sign_seed_keypair(secretKey.subarray(0, 32));
  const consistent = sodium.memcmp(derived.privateKey, secretKey);
  sodium.memzero(derived.privateKey);
  if (!consistent) throw invalidKeyFile();
  return secretKey;
}

/**
 * Reads an X25519 secret key written by `initKeys`.
 * @throws CentileError `KEY_NOT_FOUND`, `KEY_PERMISSIONS`, `INVALID_KEY_FILE`
 */
export function loadBoxKey(filePath: string): Promise<Uint8Array> {
  return readSecretKey(filePath, BOX_SECRET_KEY_BYTES);
}

/**
 * Reads and validates an identity file (public, so no permission check).
 * @throws CentileError `KEY_NOT_FOUND`, `INVALID_IDENTITY`
 */
export function loadIdentity(filePath: string): PublicIdentity {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (cause) {
    throw new CentileError('not-found', 'KEY_NOT_FOUND', 'identity file not found or unreadable', {
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CentileError('invalid-input', 'INVALID_IDENTITY', 'identity file is not JSON', {
      cause,
    });
  }
  return parsePublicIdentity(json);
}

async function readSecretKey(filePath: string, byteLength: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r').catch((cause: unknown) => {
    throw new CentileError('not-found', 'KEY_NOT_FOUND', 'key file not found or unreadable', {
      cause,
    });
  });
  try {
    // fstat on the open handle, so the checked file is the file read.
    const stats = await handle.stat();
    if (!stats.isFile()) throw invalidKeyFile();
    if (HAS_FILE_MODES && (stats.mode & 0o077) !== 0) {
      throw new CentileError(
        'failed-precondition',
        'KEY_PERMISSIONS',
        'private key file is accessible by group or others; chmod 600 it',
      );
    }
    const text = (await handle.readFile('utf8')).trim();
    const bytes = parseBase64Bytes(text, byteLength);
    if (bytes === undefined) throw invalidKeyFile();
    return bytes;
  } finally {
    await handle.close();
  }
}

function invalidKeyFile(): CentileError {
  return new CentileError(
    'invalid-input',
    'INVALID_KEY_FILE',
    'key file does not hold a valid key',
  );
}
