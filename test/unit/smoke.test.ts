import { strict as assert } from 'node:assert';
import sodium from 'libsodium-wrappers';

describe('libsodium import smoke test', () => {
  it('loads through the ESM entry and signs', async () => {
    await sodium.ready;
    const pair = sodium.crypto_sign_keypair();
    assert.equal(pair.publicKey.length, 32);
  });
});
