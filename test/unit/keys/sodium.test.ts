import { strict as assert } from 'node:assert';
import { loadSodium } from '../../../keys/sodium.js';

describe('keys/sodium', () => {
  it('loads once and is usable', async () => {
    const [first, second] = await Promise.all([loadSodium(), loadSodium()]);
    assert.equal(first, second);
    assert.equal(first.crypto_sign_keypair().publicKey.length, 32);
  });
});
