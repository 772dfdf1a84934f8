import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datasetLineage, existingDatasetLineage } from '../../../../node/state/lineage-key.js';

describe('dataset lineage key', () => {
  let stateDir: string;
  beforeEach(() => (stateDir = mkdtempSync(path.join(tmpdir(), 'centile-lineage-'))));
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('is read without being created by existingDatasetLineage', () => {
    assert.equal(existingDatasetLineage(stateDir, 'growth'), undefined);
    assert.equal(existsSync(path.join(stateDir, 'lineage.key')), false);
    assert.equal(existingDatasetLineage(path.join(stateDir, 'missing'), 'growth'), undefined);
  });

  it('gives the lineage the node uses, distinct per dataset and stable', () => {
    const lineage = datasetLineage(stateDir, 'growth');
    assert.match(lineage, /^[0-9a-f]{32}$/);
    assert.equal(existingDatasetLineage(stateDir, 'growth'), lineage);
    assert.equal(datasetLineage(stateDir, 'growth'), lineage);
    assert.notEqual(existingDatasetLineage(stateDir, 'other'), lineage);
  });
});
