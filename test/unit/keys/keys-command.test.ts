import { strict as assert } from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKeysCommand } from '../../../keys/keys-command.js';

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runKeysCommand(args, { write: (line) => lines.push(line) });
  return { code, lines };
}

describe('keys/keys-command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-keys-cmd-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('init writes the three files and prints paths and key id, never key material', async () => {
    const { code, lines } = await run(['init', '--role', 'node', '--name', 'site-a', '--out', dir]);
    assert.equal(code, 0);
    const identity = JSON.parse(readFileSync(path.join(dir, 'site-a.identity.json'), 'utf8')) as {
      keyId: string;
    };
    assert.equal(lines.at(-1), `key id ${identity.keyId}`);
    const printed = lines.join('\n');
    for (const file of ['site-a.sign.key', 'site-a.box.key']) {
      const secret = readFileSync(path.join(dir, file), 'utf8').trim();
      assert.ok(printed.includes(path.join(dir, file)));
      assert.equal(printed.includes(secret.slice(0, 12)), false);
    }
  });

  it('init a second time is a coded error, exit 1', async () => {
    assert.equal((await run(['init', '--role', 'owner', '--name', 'o', '--out', dir])).code, 0);
    const { code, lines } = await run(['init', '--role', 'owner', '--name', 'o', '--out', dir]);
    assert.equal(code, 1);
    assert.deepEqual(
      lines.map((line) => line.split(':')[0]),
      ['error KEY_EXISTS'],
    );
  });

  it('bad names are coded errors, exit 1', async () => {
    const { code, lines } = await run([
      'init',
      '--role',
      'node',
      '--name',
      'Bad_Name',
      '--out',
      dir,
    ]);
    assert.equal(code, 1);
    assert.equal(lines[0]?.startsWith('error INVALID_NAME: '), true);
  });

  it('usage errors exit 2 and print usage, not stack traces', async () => {
    const cases = [
      [],
      ['rotate'],
      ['init', '--role', 'node', '--name', 'x'],
      ['init', '--role', 'admin', '--name', 'x', '--out', dir],
      ['init', '--role', 'node', '--name', 'x', '--out', dir, '--bogus'],
      ['init', '--role', 'node', '--name', 'x', '--out', dir, 'extra'],
      ['init', '--role'],
      ['tls'],
      ['tls', '--out', dir, '--days', 'soon'],
    ];
    for (const args of cases) {
      const { code, lines } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(lines[0]?.startsWith('usage error: '), true, args.join(' '));
      assert.equal(
        lines.some((line) => line.startsWith('usage: centile keys init')),
        true,
      );
      assert.equal(
        lines.some((line) => /\n\s+at /.test(line)),
        false,
      );
    }
    assert.equal(existsSync(path.join(dir, 'x.sign.key')), false);
  });

  it('help exits 0', async () => {
    for (const args of [['--help'], ['help'], ['init', '--help'], ['tls', '-h']]) {
      const { code, lines } = await run(args);
      assert.equal(code, 0, args.join(' '));
      assert.equal(lines[0]?.startsWith('usage: '), true);
    }
  });

  it('tls defaults to 127.0.0.1 and localhost', async () => {
    const { code } = await run(['tls', '--out', dir]);
    assert.equal(code, 0);
    const cert = new X509Certificate(readFileSync(path.join(dir, 'tls.cert.pem')));
    assert.equal(cert.subjectAltName, 'IP Address:127.0.0.1, DNS:localhost');
    assert.ok(existsSync(path.join(dir, 'tls.key.pem')));
  });

  it('tls takes repeated hosts, a common name and days', async () => {
    const args = [
      'tls',
      '--out',
      dir,
      '--host',
      'coord.example.org',
      '--host',
      '10.0.0.5',
      '--common-name',
      'coord',
      '--days',
      '10',
    ];
    assert.equal((await run(args)).code, 0);
    const cert = new X509Certificate(readFileSync(path.join(dir, 'tls.cert.pem')));
    assert.equal(cert.subjectAltName, 'DNS:coord.example.org, IP Address:10.0.0.5');
    assert.equal(cert.subject, 'CN=coord');
    const { code, lines } = await run([
      'tls',
      '--out',
      path.join(dir, 'two'),
      '--host',
      'not a host',
    ]);
    assert.equal(code, 1);
    assert.equal(lines[0]?.startsWith('error INVALID_HOST: '), true);
  });
});
