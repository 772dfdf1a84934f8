import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { generateProtoTypes } from '../../../scripts/gen-proto-types.mjs';
import { loadFederationProto } from '../../../proto/load-federation.js';

const genDir = fileURLToPath(new URL('../../../proto/gen', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('proto/gen', () => {
  it('matches what the generator produces from the .proto (no drift)', function () {
    this.timeout(60_000);
    const fresh = mkdtempSync(path.join(tmpdir(), 'centile-proto-'));
    try {
      (generateProtoTypes as (dir: string) => void)(fresh);
      assert.deepEqual(listFiles(fresh), listFiles(genDir));
      for (const file of listFiles(genDir)) {
        assert.equal(
          readFileSync(path.join(fresh, file), 'utf8'),
          readFileSync(path.join(genDir, file), 'utf8'),
          `${file} drifted: run npm run proto:gen`,
        );
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('loads the Federation service with both RPCs', () => {
    const service = loadFederationProto().centile.v1.Federation.service;
    assert.deepEqual(Object.keys(service).sort(), ['Connect', 'FetchModel']);
    assert.equal(service.Connect.requestStream, true);
    assert.equal(service.Connect.responseStream, true);
    assert.equal(service.FetchModel.responseStream, true);
  });
});
