import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CentileError } from '../../../benchmark/errors.js';
import { loadCoordinatorConfig } from '../../../coordinator/config.js';
import { loadNodeConfig } from '../../../node/config.js';

describe('config files', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'centile-config-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, value: unknown): string {
    const file = path.join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  }

  function problems(load: () => unknown): string {
    try {
      load();
    } catch (error) {
      assert.ok(error instanceof CentileError);
      assert.equal(error.code, 'CONFIG_INVALID');
      return error.message;
    }
    return assert.fail('expected CONFIG_INVALID');
  }

  it('lists every problem of a node config at once', () => {
    const file = write('node.json', {
      name: 'a',
      privacy: { totalRho: 'lots', maxRhoPerRequest: 0.1 },
      model: { timeoutMs: -1 },
    });
    const message = problems(() => loadNodeConfig(file));
    for (const field of [
      'stateDir',
      'address',
      'caCertFile',
      'signKeyFile',
      "'path'",
      'privacy.totalRho',
      "'maxRhoPerRequest'",
      'timeoutMs',
    ]) {
      assert.ok(message.includes(field), `${field} not reported`);
    }
  });

  it('resolves paths against the config file and freezes the result', () => {
    const file = write('good-node.json', {
      name: 'site-a',
      stateDir: 'state',
      coordinator: { address: '127.0.0.1:7443', caCertFile: 'ca.pem', identityFile: 'c.json' },
      keys: { signKeyFile: 'k.sign.key', identityFile: 'i.json' },
      dataset: { name: 'growth', format: 'csv', path: 'data.csv' },
      privacy: { totalRho: '1', maxRhoPerRequest: '0.1', allowedTasks: ['growth.status/v1'] },
    });
    const config = loadNodeConfig(file);
    assert.equal(config.stateDir, path.join(dir, 'state'));
    assert.equal(config.dataset.path, path.join(dir, 'data.csv'));
    assert.equal(config.keys.boxKeyFile, path.join(dir, 'k.box.key'), 'beside the signing key');
    assert.equal(config.coordinator.tlsServerName, undefined);
    assert.ok(Object.isFrozen(config.privacy));
    assert.equal(config.privacy?.minCellSize, 11);
    assert.equal(config.privacy?.publishBudget, false);
    assert.equal(config.privacy?.allowedOwners, undefined);
  });

  it('reads a node config without a privacy policy (the node then refuses every task)', () => {
    const file = write('no-policy.json', {
      name: 'site-a',
      stateDir: 'state',
      coordinator: { address: '127.0.0.1:7443', caCertFile: 'ca.pem', identityFile: 'c.json' },
      keys: { signKeyFile: 'k.sign.key', identityFile: 'i.json' },
      dataset: { path: 'data.csv' },
    });
    assert.equal(loadNodeConfig(file).privacy, undefined);
  });

  it('checks the optional policy fields', () => {
    const file = write('bad-policy.json', {
      name: 'site-a',
      stateDir: 'state',
      coordinator: { address: '127.0.0.1:7443', caCertFile: 'ca.pem', identityFile: 'c.json' },
      keys: { signKeyFile: 'k.sign.key', identityFile: 'i.json' },
      dataset: { path: 'data.csv' },
      privacy: {
        totalRho: '1',
        maxRhoPerRequest: '0.1',
        maxRhoPerOwner: 'half',
        minCellSize: -1,
        allowedOwners: 'everyone',
        publishBudget: 'yes',
      },
    });
    const message = problems(() => loadNodeConfig(file));
    for (const field of ['maxRhoPerOwner', 'minCellSize', 'allowedOwners', 'publishBudget']) {
      assert.ok(message.includes(field), `${field} not reported`);
    }
  });

  it('reports a file that is not JSON, or missing, with a code', () => {
    assert.equal(
      problems(() => loadCoordinatorConfig(write('bad.json', '{ nope'))).includes('bad.json'),
      true,
    );
    assert.throws(
      () => loadCoordinatorConfig(path.join(dir, 'absent.json')),
      (e: unknown) => e instanceof CentileError && e.code === 'CONFIG_NOT_FOUND',
    );
  });

  it('lists every problem of a coordinator config at once', () => {
    const message = problems(() =>
      loadCoordinatorConfig(write('c.json', { grpc: { port: 70000 }, nodes: 'x' })),
    );
    for (const field of ['stateDir', "'port'", 'certFile', 'operatorTokenFile', "'nodes'"])
      assert.ok(message.includes(field), `${field} not reported`);
  });
});
