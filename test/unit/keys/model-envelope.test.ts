import assert from 'node:assert/strict';
import sodium from 'libsodium-wrappers';
import { keyIdOf } from '../../../keys/identity.js';
import {
  decodeEnvelope,
  encodeEnvelope,
  openModel,
  parseHeader,
  sealModel,
} from '../../../keys/model-envelope.js';
import type { ModelEnvelope } from '../../../keys/model-envelope.js';

describe('model envelopes', () => {
  let owner: { publicKey: Uint8Array; privateKey: Uint8Array };
  let stranger: { publicKey: Uint8Array; privateKey: Uint8Array };
  let nodeA: { publicKey: Uint8Array; privateKey: Uint8Array };
  let nodeB: { publicKey: Uint8Array; privateKey: Uint8Array };
  let outsider: { publicKey: Uint8Array; privateKey: Uint8Array };
  const model = new TextEncoder().encode('an ONNX model, secret weights and all');

  before(async () => {
    await sodium.ready;
    owner = sodium.crypto_sign_keypair();
    stranger = sodium.crypto_sign_keypair();
    nodeA = sodium.crypto_box_keypair();
    nodeB = sodium.crypto_box_keypair();
    outsider = sodium.crypto_box_keypair();
  });

  const seal = () =>
    sealModel(
      model,
      { name: 'm', benchmarkTask: 'growth.status/v1' },
      { name: 'lab-a', keyId: keyIdOf(owner.publicKey), signSecretKey: owner.privateKey },
      [
        { node: 'site-b', boxPublicKey: nodeB.publicKey },
        { node: 'site-a', boxPublicKey: nodeA.publicKey },
      ],
    );
  const keysOf = (node: string, pair: { publicKey: Uint8Array; privateKey: Uint8Array }) => ({
    node,
    boxPublicKey: pair.publicKey,
    boxSecretKey: pair.privateKey,
  });
  const code = async (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'no error',
      (error: unknown) => (error as { code?: string }).code ?? 'no code',
    );

  it('opens for every node it was sealed for, through its byte encoding', async () => {
    const bytes = encodeEnvelope(await seal());
    for (const [node, pair] of [
      ['site-a', nodeA],
      ['site-b', nodeB],
    ] as const) {
      const { header, model: opened } = await openModel(
        decodeEnvelope(bytes),
        keysOf(node, pair),
        owner.publicKey,
      );
      assert.deepEqual(opened, model);
      assert.equal(header.owner, 'lab-a');
      assert.deepEqual(
        header.sealed_keys.map((k) => k.node),
        ['site-a', 'site-b'],
      );
    }
  });

  it('never holds the plaintext in its bytes', async () => {
    const bytes = Buffer.from(encodeEnvelope(await seal()));
    assert.equal(bytes.indexOf(Buffer.from(model.subarray(0, 12))), -1);
  });

  it('refuses a node it was not sealed for, or one with the wrong key', async () => {
    const envelope = await seal();
    assert.equal(
      await code(openModel(envelope, keysOf('site-c', outsider), owner.publicKey)),
      'MODEL_NOT_SEALED_FOR_NODE',
    );
    assert.equal(
      await code(openModel(envelope, keysOf('site-a', outsider), owner.publicKey)),
      'MODEL_DECRYPT_FAILED',
    );
  });

  it("refuses another signer's key, an altered header and an altered ciphertext", async () => {
    const envelope = await seal();
    const open = (e: ModelEnvelope, key = owner.publicKey) =>
      code(openModel(e, keysOf('site-a', nodeA), key));
    assert.equal(await open(envelope, stranger.publicKey), 'MODEL_SIGNATURE_INVALID');
    const header = new TextEncoder().encode(
      new TextDecoder().decode(envelope.header).replace('"name":"m"', '"name":"n"'),
    );
    assert.equal(await open({ ...envelope, header }), 'MODEL_SIGNATURE_INVALID');
    const ciphertext = envelope.ciphertext.slice();
    ciphertext[3] = (ciphertext[3] ?? 0) ^ 1;
    assert.equal(await open({ ...envelope, ciphertext }), 'MODEL_DIGEST_MISMATCH');
  });

  it('refuses bytes that are not an envelope, and malformed headers', () => {
    assert.throws(
      () => decodeEnvelope(new TextEncoder().encode('ONNX bytes')),
      (e: unknown) => (e as { code?: string }).code === 'MODEL_ENVELOPE_INVALID',
    );
    assert.throws(
      () => parseHeader(new TextEncoder().encode('{"type":"model_envelope"}')),
      (e: unknown) => (e as { code?: string }).code === 'MODEL_ENVELOPE_INVALID',
    );
  });
});
