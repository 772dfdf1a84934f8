import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist', 'cli', 'centile.js');

function run(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; output so far:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start -- --once (the demo, as separate processes)', function () {
  this.timeout(240_000);
  let dir: string;
  let result: { code: number | null; stdout: string; stderr: string };

  before(async () => {
    assert.ok(existsSync(cli), 'dist/ is missing: npm test builds it before mocha runs');
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'centile-e2e-')), 'demo');
    result = await run(['demo', '--once', '--dir', dir, '--children', '1500'], 200_000);
  });

  after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('exits 0 after printing one row per site and a pooled row', () => {
    assert.equal(result.code, 0, result.stderr);
    const rows = result.stdout.split('\n');
    for (const site of ['site-urban', 'site-lowland', 'site-followup']) {
      const row = rows.find((r) => r.startsWith(site) && r.includes(' done '));
      assert.ok(row, `no finished row for ${site}`);
      assert.match(row, /0\.050\s+1\.47/, 'privacy spent (rho, eps) is shown');
    }
    const pooled = rows.find((r) => r.startsWith('POOLED'));
    assert.ok(pooled?.includes('complete'));
    const aurocs = [...(pooled ?? '').matchAll(/(\.\d{3}) /g)].map((m) => Number(m[1]));
    assert.equal(aurocs.length, 6);
    for (const auroc of aurocs) assert.ok(auroc > 0.8, `pooled AUROC ${auroc}`);
  });

  it('reports the malformed CSV rows at the node and keeps going', () => {
    assert.match(
      result.stdout,
      /site-urban\s+csv\s+\d+ records, 3 rejected \(row \d+ birth_date: BAD_DATE/,
    );
  });

  it('leaves no child identifier or birth date in the coordinator log or database', () => {
    const csv = readFileSync(path.join(dir, 'sites', 'urban', 'export', 'cohort.csv'), 'utf8')
      .split('\n')
      .slice(1, 2000);
    const secrets = new Set(
      csv.flatMap((line) => line.split(',').slice(0, 3)).filter((s) => s.length >= 4),
    );
    const log = readFileSync(path.join(dir, 'logs', 'coordinator.log'), 'utf8');
    const dbFiles = ['coordinator.db', 'coordinator.db-wal'].map((f) =>
      path.join(dir, 'coordinator-state', f),
    );
    const db = dbFiles
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    assert.ok(log.includes('release accepted'), 'the log was written');
    assert.deepEqual(
      [...secrets].filter((s) => log.includes(s) || db.includes(s)),
      [],
    );
  });
});
