import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../benchmark/tasks/task-definition.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist', 'cli', 'centile.js');

/** One printed results table: its task and its lines up to the next table. */
interface Table {
  readonly task: string;
  readonly rows: readonly string[];
}

/** Tables start with `round <id>  task <key>  model <digest>`. */
function tablesOf(stdout: string): Table[] {
  const tables: { task: string; rows: string[] }[] = [];
  for (const line of stdout.split('\n')) {
    const header = /^round \S+\s+task (\S+)\s+model /.exec(line);
    if (header) tables.push({ task: header[1] ?? '', rows: [] });
    else tables[tables.length - 1]?.rows.push(line);
  }
  return tables;
}

/** The `label .123` values of a fairness line (labels shown as n/a left out). */
function gapsOf(line: string): Map<string, number> {
  return new Map(
    [...line.matchAll(/(\w+) (\d*\.\d{3})/g)].map(([, label, gap]) => [label ?? '', Number(gap)]),
  );
}

/** Mean of `gaps` over `labels`. */
function meanOver(gaps: Map<string, number>, labels: readonly string[]): number {
  return labels.reduce((sum, label) => sum + (gaps.get(label) ?? NaN), 0) / labels.length;
}

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
    result = await run(['demo', '--once', '--dir', dir], 200_000);
  });

  after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('exits 0 after one round per catalog task, one of the biased model, and one the small budget refuses', () => {
    assert.equal(result.code, 0, result.stderr);
    const tasks = tablesOf(result.stdout).map((table) => table.task);
    const first = TASK_CATALOG[0];
    assert.ok(first);
    assert.deepEqual(tasks, [...TASK_CATALOG.map(taskKey), 'growth.status/v1', taskKey(first)]);
  });

  it('prints, for every model round, a finished row per site and a complete pooled row', () => {
    for (const { task, rows } of tablesOf(result.stdout).slice(0, -1)) {
      for (const site of ['site-urban', 'site-lowland', 'site-followup']) {
        const row = rows.find((r) => r.startsWith(site) && r.includes(' done '));
        assert.ok(row, `${task}: no finished row for ${site}`);
        assert.match(row, /0\.050\s+1\.47/, 'privacy spent (rho, eps) is shown');
      }
      assert.ok(rows.find((r) => r.startsWith('POOLED'))?.includes('complete'), task);
    }
  });

  it('shows the small-budget site refusing the last round with BUDGET_EXHAUSTED, the others answering', () => {
    const rows = tablesOf(result.stdout).at(-1)?.rows ?? [];
    assert.match(rows.find((r) => r.startsWith('site-followup')) ?? '', /BUDGET_EX/);
    for (const site of ['site-urban', 'site-lowland']) {
      assert.ok(rows.find((r) => r.startsWith(site))?.includes(' done '), site);
    }
    assert.ok(rows.find((r) => r.startsWith('POOLED'))?.includes('complete'));
  });

  it('prints the budget each site published: the small one spent exactly, then refused', () => {
    assert.match(
      result.stdout,
      /site-followup\s+spent rho 0\.300 of 0\.300 \(eps [\d.]+\); then refused: BUDGET_EXHAUSTED/,
    );
    assert.match(result.stdout, /site-urban\s+spent rho 0\.350 of 1\.200 \(eps [\d.]+\)\n/);
  });

  it("agrees with each node's own ledger, which verifies: the small site spent exactly its budget", () => {
    assert.match(
      result.stdout,
      /site-followup\s+spent rho 3\/10 of 3\/10, 6 releases, 1 refused; chain verified/,
    );
    assert.match(
      result.stdout,
      /site-urban\s+spent rho 7\/20 of 6\/5, 7 releases, 0 refused; chain verified/,
    );
  });

  it('submits every model sealed by its owner, who publishes the rounds to the public leaderboard', () => {
    const board = result.stdout.split('Public leaderboard')[1]?.split('\n\n')[0] ?? '';
    for (const task of TASK_CATALOG)
      assert.match(board, new RegExp(`${taskKey(task)}\\s+${task.id}-baseline`));
    assert.match(board, /growth\.status-biased\s+mean_auroc/);
  });

  it('ranks the growth.status labels well with the reference model wherever the noise allows telling', () => {
    const status = tablesOf(result.stdout).find((t) => t.task === 'growth.status/v1');
    const line = status?.rows.find((r) => r.startsWith('pooled auroc with 95% interval')) ?? '';
    const intervals = [...line.matchAll(/(\w+) (\d*\.\d{3}) \[(\d*\.\d{3}), (\d*\.\d{3})\]/g)].map(
      ([, label, estimate, lower, upper]) => ({
        label,
        estimate: Number(estimate),
        width: Number(upper) - Number(lower),
      }),
    );
    // Obesity is rare here: its noisy count is mostly noise at this ρ and its
    // AUROC is not estimated ("noise"). Where the interval is sharp, the
    // reference model must rank well.
    const sharp = intervals.filter((i) => i.width < 0.2);
    assert.ok(sharp.length >= 3, line);
    for (const { label, estimate } of sharp) assert.ok(estimate > 0.8, `${label} ${estimate}`);
  });

  it('shows the biased model with a larger AUROC gap by sex than the reference model', () => {
    // Noisy released figures: compare the mean over the labels both rounds
    // could estimate in both sexes (the rare ones are mostly noise per sex),
    // where the flaw (about 0.1 per label on exact metrics) dwarfs the noise.
    const [fair, biased] = tablesOf(result.stdout)
      .filter((t) => t.task === 'growth.status/v1')
      .map((t) => gapsOf(t.rows.find((r) => r.startsWith('auroc_gap by sex:')) ?? ''));
    const both = [...(fair?.keys() ?? [])].filter((label) => biased?.has(label));
    assert.ok(both.length >= 2, `labels with a gap in both rounds: ${both.join(', ')}`);
    const [a, b] = [meanOver(fair!, both), meanOver(biased!, both)];
    assert.ok(b > a + 0.03, `biased ${b} vs fair ${a} over ${both.join(', ')}`);
  });

  it('writes every model where `centile evaluate` can read it, and says so', () => {
    const names = [...TASK_CATALOG.map((t) => `${t.id}-baseline`), 'growth.status-biased'];
    for (const name of names) assert.ok(existsSync(path.join(dir, 'models', `${name}.onnx`)), name);
    assert.match(result.stdout, /npx centile evaluate --model \S+-baseline\.onnx --task \S+/);
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
