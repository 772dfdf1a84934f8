import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { hasCode } from '../../../benchmark/errors.js';
import { toBase64 } from '../../../keys/base64.js';
import {
  boxPublicKeyBytes,
  isValidName,
  keyIdOf,
  parsePublicIdentity,
  signPublicKeyBytes,
} from '../../../keys/identity.js';
import { loadSodium } from '../../../keys/sodium.js';

async function validIdentity(): Promise<Record<string, unknown>> {
  const sodium = await loadSodium();
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  return {
    role: 'node',
    name: 'site-a',
    signPublicKey: toBase64(sign.publicKey),
    boxPublicKey: toBase64(box.publicKey),
    keyId: keyIdOf(sign.publicKey),
  };
}

function assertInvalid(json: unknown): void {
  assert.throws(
    () => parsePublicIdentity(json),
    (error) => hasCode(error, 'INVALID_IDENTITY'),
  );
}

describe('keys/identity', () => {
  it('computes the key id as the first 16 hex chars of SHA-256', () => {
    const key = new Uint8Array(32).fill(1);
    const expected = createHash('sha256').update(key).digest('hex').slice(0, 16);
    assert.equal(keyIdOf(key), expected);
    assert.match(keyIdOf(key), /^[0-9a-f]{16}$/);
  });

  it('accepts a valid identity, drops unknown fields and decodes its keys', async () => {
    const json = await validIdentity();
    const identity = parsePublicIdentity({ ...json, comment: 'extra' });
    assert.deepEqual(identity, json);
    assert.equal(signPublicKeyBytes(identity).length, 32);
    assert.equal(boxPublicKeyBytes(identity).length, 32);
    assert.equal(keyIdOf(signPublicKeyBytes(identity)), identity.keyId);
  });

  it('refuses non-objects', () => {
    for (const json of [null, 'x', 3, [], true]) assertInvalid(json);
  });

  it('refuses each bad field', async () => {
    const json = await validIdentity();
    const cases: Array<Record<string, unknown>> = [
      { role: 'admin' },
      { role: undefined },
      { name: 'Site-A' },
      { name: '-site' },
      { name: 'a'.repeat(64) },
      { name: 7 },
      { signPublicKey: 'not base64' },
      { signPublicKey: toBase64(new Uint8Array(31)) },
      { boxPublicKey: toBase64(new Uint8Array(33)) },
      { boxPublicKey: null },
      { keyId: '0000000000000000' },
      { keyId: undefined },
    ];
    for (const change of cases) assertInvalid({ ...json, ...change });
  });

  it('refuses an identity whose key id belongs to another signing key', async () => {
    const mine = await validIdentity();
    const other = await validIdentity();
    assertInvalid({ ...mine, keyId: other['keyId'] });
  });

  it('validates names', () => {
    assert.equal(isValidName('coordinator'), true);
    assert.equal(isValidName('0'), true);
    assert.equal(isValidName('a'.repeat(63)), true);
    for (const name of ['', 'a'.repeat(64), 'A', 'a_b', 'a.b', '../x', '-a', 'a b']) {
      assert.equal(isValidName(name), false, name);
    }
  });
});
