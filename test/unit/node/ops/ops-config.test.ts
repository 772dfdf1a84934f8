import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CentileError } from '../../../../benchmark/errors.js';
import { DEFAULT_OPS_PORT, loadNodeConfig } from '../../../../node/config.js';

const BASE = {
  name: 'site-a',
  stateDir: 'state',
  coordinator: { address: '127.0.0.1:7443', caCertFile: 'ca.pem', identityFile: 'c.json' },
  keys: { signKeyFile: 'k.sign.key', identityFile: 'i.json' },
  dataset: { path: 'data.csv' },
};

describe('the ops section of a node config', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'centile-ops-config-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function load(extra: Record<string, unknown>) {
    const file = path.join(dir, 'node.json');
    writeFileSync(file, JSON.stringify({ ...BASE, ...extra }));
    return loadNodeConfig(file);
  }

  it('is absent unless configured: the node then opens no port', () => {
    assert.equal(load({}).ops, undefined);
  });

  it('defaults to loopback and the usual port, and accepts port 0', () => {
    assert.deepEqual(load({ ops: {} }).ops, { host: '127.0.0.1', port: DEFAULT_OPS_PORT });
    assert.deepEqual(load({ ops: { host: '0.0.0.0', port: 0 } }).ops, { host: '0.0.0.0', port: 0 });
    assert.ok(Object.isFrozen(load({ ops: {} }).ops));
  });

  it('reports a bad port, host or section with the other problems', () => {
    for (const ops of [{ port: 70000 }, { port: 'x' }, { host: '' }, 'on']) {
      assert.throws(
        () => load({ ops }),
        (e: unknown) => e instanceof CentileError && e.code === 'CONFIG_INVALID',
      );
    }
  });
});
