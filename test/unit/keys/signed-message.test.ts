import { strict as assert } from 'node:assert';
import { hasCode } from '../../../benchmark/errors.js';
import {
  parseSignedBody,
  signCanonical,
  verifySignedMessage,
} from '../../../keys/signed-message.js';
import type { SignedMessage } from '../../../keys/signed-message.js';
import { loadSodium } from '../../../keys/sodium.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('keys/signed-message', () => {
  let keys: { publicKey: Uint8Array; privateKey: Uint8Array };
  let message: SignedMessage;
  const body = { task: 't-1', round: 3, release: { counts: [1, 2, 3], note: 'é' }, spent: '0.25' };

  before(async () => {
    const sodium = await loadSodium();
    keys = sodium.crypto_sign_keypair();
    message = await signCanonical(body, keys.privateKey);
  });

  it('signs the canonical bytes and verifies them', async () => {
    const expected =
      '{"release":{"counts":[1,2,3],"note":"é"},"round":3,"spent":"0.25","task":"t-1"}';
    assert.deepEqual(message.body, encode(expected));
    assert.equal(message.signature.length, 64);
    assert.equal(await verifySignedMessage(message, keys.publicKey), true);
    assert.deepEqual(parseSignedBody(message.body), body);
  });

  it('fails when any byte of the body or signature is flipped', async () => {
    for (const index of [0, 10, message.body.length - 1]) {
      const tampered = { body: flipped(message.body, index), signature: message.signature };
      assert.equal(await verifySignedMessage(tampered, keys.publicKey), false);
    }
    for (const index of [0, 31, 63]) {
      const tampered = { body: message.body, signature: flipped(message.signature, index) };
      assert.equal(await verifySignedMessage(tampered, keys.publicKey), false);
    }
  });

  it('fails with another key', async () => {
    const sodium = await loadSodium();
    assert.equal(await verifySignedMessage(message, sodium.crypto_sign_keypair().publicKey), false);
  });

  it('fails, without throwing, on malformed lengths', async () => {
    assert.equal(await verifySignedMessage(message, keys.publicKey.subarray(0, 31)), false);
    const short = { body: message.body, signature: message.signature.subarray(0, 63) };
    assert.equal(await verifySignedMessage(short, keys.publicKey), false);
    assert.equal(await verifySignedMessage(message, new Uint8Array(32)), false);
  });

  it('refuses floats when signing (they have no canonical form)', async () => {
    await assert.rejects(signCanonical({ x: 0.5 }, keys.privateKey), TypeError);
  });

  it('refuses non-canonical bodies', () => {
    const cases = [
      '{"b":1,"a":2}',
      '{"a": 1}',
      ' {"a":1}',
      '{"a":1}\n',
      '{"a":1,"a":1}',
      '{"a":1.0}',
      '{"a":0.5}',
      '{"a":-0}',
      '{"a":1e3}',
      '{"a":9007199254740993}',
      '"\\u0041"',
      '\ufeff{"a":1}',
      '{"a":',
      '',
    ];
    for (const text of cases) {
      assert.throws(
        () => parseSignedBody(encode(text)),
        (error) => hasCode(error, 'NON_CANONICAL_BODY'),
        text,
      );
    }
    const invalidUtf8 = Uint8Array.from([0x22, 0xff, 0x22]);
    assert.throws(
      () => parseSignedBody(invalidUtf8),
      (error) => hasCode(error, 'NON_CANONICAL_BODY'),
    );
  });

  it('accepts canonical scalars and nesting', () => {
    assert.equal(parseSignedBody(encode('null')), null);
    assert.deepEqual(parseSignedBody(encode('[1,"a",{"x":[]}]')), [1, 'a', { x: [] }]);
  });
});
