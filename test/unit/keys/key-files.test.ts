import { strict as assert } from 'node:assert';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasCode } from '../../../benchmark/errors.js';
import { toBase64 } from '../../../keys/base64.js';
import { keyIdOf, signPublicKeyBytes } from '../../../keys/identity.js';
import {
  initKeys,
  keyFilePaths,
  loadBoxKey,
  loadIdentity,
  loadSigningKey,
} from '../../../keys/key-files.js';
import { loadSodium } from '../../../keys/sodium.js';

const posix = process.platform !== 'win32';

function codeIs(code: string): (error: unknown) => boolean {
  return (error) => hasCode(error, code);
}

describe('keys/key-files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-keys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a key pair set with private modes 0600 and public mode 0644', async () => {
    const outDir = path.join(dir, 'nested', 'keys');
    const paths = await initKeys({ role: 'coordinator', name: 'coord-1', outDir });
    assert.deepEqual(paths, keyFilePaths(outDir, 'coord-1'));
    assert.equal(path.basename(paths.signKeyPath), 'coord-1.sign.key');
    assert.equal(path.basename(paths.boxKeyPath), 'coord-1.box.key');
    assert.equal(path.basename(paths.identityPath), 'coord-1.identity.json');
    if (posix) {
      assert.equal(statSync(paths.signKeyPath).mode & 0o777, 0o600);
      assert.equal(statSync(paths.boxKeyPath).mode & 0o777, 0o600);
      assert.equal(statSync(paths.identityPath).mode & 0o777, 0o644);
      assert.equal(statSync(outDir).mode & 0o777, 0o700);
    }
  });

  it('writes keys that belong together and match the identity', async () => {
    const sodium = await loadSodium();
    const paths = await initKeys({ role: 'node', name: 'site-a', outDir: dir });
    const identity = loadIdentity(paths.identityPath);
    assert.equal(identity.role, 'node');
    assert.equal(identity.name, 'site-a');
    const signKey = await loadSigningKey(paths.signKeyPath);
    assert.equal(signKey.length, 64);
    // libsodium secret keys are seed || public key.
    assert.deepEqual(signKey.slice(32), signPublicKeyBytes(identity));
    assert.equal(identity.keyId, keyIdOf(signPublicKeyBytes(identity)));
    const boxKey = await loadBoxKey(paths.boxKeyPath);
    assert.equal(boxKey.length, 32);
    assert.equal(toBase64(sodium.crypto_scalarmult_base(boxKey)), identity.boxPublicKey);
  });

  it('keeps private keys out of the identity file', async () => {
    const paths = await initKeys({ role: 'owner', name: 'owner', outDir: dir });
    const identityText = readFileSync(paths.identityPath, 'utf8');
    for (const keyPath of [paths.signKeyPath, paths.boxKeyPath]) {
      const secret = readFileSync(keyPath, 'utf8').trim();
      assert.equal(identityText.includes(secret), false);
      assert.equal(identityText.includes(secret.slice(0, 16)), false);
    }
    assert.deepEqual(Object.keys(JSON.parse(identityText) as object).sort(), [
      'boxPublicKey',
      'keyId',
      'name',
      'role',
      'signPublicKey',
    ]);
  });

  it('makes different keys each time', async () => {
    const a = loadIdentity((await initKeys({ role: 'node', name: 'a', outDir: dir })).identityPath);
    const b = loadIdentity((await initKeys({ role: 'node', name: 'b', outDir: dir })).identityPath);
    assert.notEqual(a.signPublicKey, b.signPublicKey);
    assert.notEqual(a.boxPublicKey, b.boxPublicKey);
  });

  it('refuses to overwrite any existing file and leaves it untouched', async () => {
    const paths = await initKeys({ role: 'node', name: 'site-a', outDir: dir });
    const before = readFileSync(paths.signKeyPath, 'utf8');
    await assert.rejects(
      initKeys({ role: 'node', name: 'site-a', outDir: dir }),
      codeIs('KEY_EXISTS'),
    );
    assert.equal(readFileSync(paths.signKeyPath, 'utf8'), before);

    // Only the identity file present: still refused, and no key files appear.
    const other = keyFilePaths(dir, 'site-b');
    writeFileSync(other.identityPath, '{}');
    await assert.rejects(
      initKeys({ role: 'node', name: 'site-b', outDir: dir }),
      codeIs('KEY_EXISTS'),
    );
    assert.equal(existsSync(other.signKeyPath), false);
    assert.equal(existsSync(other.boxKeyPath), false);
  });

  it('refuses invalid names and roles before writing anything', async () => {
    for (const name of ['', 'Upper', '../escape', 'a/b', 'a.b', '-x', 'x'.repeat(64)]) {
      await assert.rejects(
        initKeys({ role: 'node', name, outDir: dir }),
        codeIs('INVALID_NAME'),
        name,
      );
    }
    const role = 'admin' as unknown as 'node';
    await assert.rejects(initKeys({ role, name: 'ok', outDir: dir }), codeIs('INVALID_ROLE'));
    assert.equal(existsSync(path.join(dir, 'ok.sign.key')), false);
  });

  it('refuses private keys readable by group or others', async function () {
    if (!posix) this.skip();
    const paths = await initKeys({ role: 'node', name: 'site-a', outDir: dir });
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(paths.signKeyPath, mode);
      await assert.rejects(
        loadSigningKey(paths.signKeyPath),
        codeIs('KEY_PERMISSIONS'),
        mode.toString(8),
      );
    }
    chmodSync(paths.boxKeyPath, 0o644);
    await assert.rejects(loadBoxKey(paths.boxKeyPath), codeIs('KEY_PERMISSIONS'));
    chmodSync(paths.signKeyPath, 0o400);
    assert.equal((await loadSigningKey(paths.signKeyPath)).length, 64);
  });

  it('reports missing and corrupted key files with stable codes', async () => {
    await assert.rejects(loadSigningKey(path.join(dir, 'none.sign.key')), codeIs('KEY_NOT_FOUND'));
    assert.throws(
      () => loadIdentity(path.join(dir, 'none.identity.json')),
      codeIs('KEY_NOT_FOUND'),
    );

    const paths = await initKeys({ role: 'node', name: 'site-a', outDir: dir });
    const text = readFileSync(paths.signKeyPath, 'utf8').trim();
    // Swap the embedded public half for another key's: valid base64, wrong key.
    const sodium = await loadSodium();
    const bytes = sodium.from_base64(text, sodium.base64_variants.ORIGINAL);
    bytes.set(sodium.crypto_sign_keypair().publicKey, 32);
    const corrupt = path.join(dir, 'corrupt.sign.key');
    writeFileSync(corrupt, toBase64(bytes), { mode: 0o600 });
    await assert.rejects(loadSigningKey(corrupt), codeIs('INVALID_KEY_FILE'));
    const short = path.join(dir, 'short.box.key');
    writeFileSync(short, toBase64(new Uint8Array(31)), { mode: 0o600 });
    await assert.rejects(loadBoxKey(short), codeIs('INVALID_KEY_FILE'));
    await assert.rejects(loadBoxKey(dir), codeIs('INVALID_KEY_FILE'));

    const badJson = path.join(dir, 'bad.identity.json');
    writeFileSync(badJson, '{not json');
    assert.throws(() => loadIdentity(badJson), codeIs('INVALID_IDENTITY'));
  });

  it('keeps key material out of error messages', async () => {
    const paths = await initKeys({ role: 'node', name: 'site-a', outDir: dir });
    const secret = readFileSync(paths.signKeyPath, 'utf8').trim();
    if (posix) chmodSync(paths.signKeyPath, 0o644);
    const error = await loadSigningKey(paths.signKeyPath).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (posix) {
      assert.ok(error instanceof Error);
      assert.equal(error.message.includes(secret), false);
      assert.equal(error.message.includes(dir), false);
    }
  });
});
