import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CentileError } from '../../../benchmark/errors.js';
import { findDashboardAssets } from '../../../coordinator/dashboard/dashboard-router.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCE = path.join(ROOT, 'coordinator', 'dashboard');

describe('the dashboard assets', () => {
  it('are found beside the source module (tsx) and from where tsc puts it (dist/)', () => {
    assert.equal(findDashboardAssets(SOURCE), SOURCE);
    assert.equal(findDashboardAssets(path.join(ROOT, 'dist', 'coordinator', 'dashboard')), SOURCE);
    assert.equal(findDashboardAssets(), SOURCE);
    for (const file of ['index.html', 'dashboard.js', 'page.js', 'report.js', 'charts.js']) {
      assert.ok(existsSync(path.join(SOURCE, file)), file);
    }
  });

  it('refuse to start without them, naming the problem', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'centile-no-dashboard-'));
    try {
      assert.throws(
        () => findDashboardAssets(elsewhere),
        (error: unknown) =>
          error instanceof CentileError && error.code === 'DASHBOARD_ASSETS_MISSING',
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
