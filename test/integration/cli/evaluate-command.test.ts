import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasCode } from '../../../benchmark/errors.js';
import { scoreWho } from '../../../benchmark/growth/score-who.js';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { fitDemoModel } from '../../../cli/demo/fit-demo-model.js';
import { evaluateCommand } from '../../../cli/evaluate-command.js';
import { SIM_CSV_FILE, writeSimSite } from '../../../cli/write-sim-site.js';
import { readCsvCohort } from '../../../node/data/read-csv-cohort.js';

interface EvaluateJson {
  task: string;
  data: { children: number; examples: number; rows_rejected: number };
  exact: Record<string, { invalid: number; all: { n: number; auroc: number | null } }>;
  release?: { rho: string; sigma2: string; metrics: { examples: number } };
}

describe('centile evaluate (real onnxruntime runner, real Sim data)', function () {
  this.timeout(60_000);
  let dir: string;
  let model: string;
  let data: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'centile-evaluate-'));
    model = path.join(dir, 'status.onnx');
    writeFileSync(model, fitDemoModel(150, 'evaluate-fit'));
    data = path.join(dir, 'site');
    await writeSimSite(SIM_SITES.lowland, { children: 400, seed: 'evaluate', format: 'csv' }, data);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function evaluate(args: string[]): Promise<string[]> {
    const lines: string[] = [];
    await evaluateCommand(args, (line) => lines.push(line));
    return lines;
  }

  it('prints exact metrics for every label and the release a node would send', async () => {
    const output = await evaluate([
      ...['--model', model, '--task', 'growth.status/v1', '--data', path.join(data, SIM_CSV_FILE)],
      ...['--json', '--privacy-rho', '0.5'],
    ]);
    const result = JSON.parse(output.join('\n')) as EvaluateJson;
    const { cohort } = await readCsvCohort(path.join(data, SIM_CSV_FILE));
    const examples = GROWTH_STATUS.buildExamples(cohort, scoreWho);
    assert.equal(result.data.examples, examples.rows);
    GROWTH_STATUS.labels.forEach(({ name }, label) => {
      const defined = Array.from({ length: examples.rows }, (_, row) => row).filter(
        (row) => !Number.isNaN(examples.targets[row * 6 + label]),
      ).length;
      assert.equal((result.exact[name]?.all.n ?? 0) + (result.exact[name]?.invalid ?? 0), defined);
    });
    const stunting = result.exact.stunting?.all.auroc;
    assert.ok(stunting !== null && stunting !== undefined && stunting > 0.8, `AUROC ${stunting}`);
    // σ² = 25 / (2 · 0.5) = 25: the noisy count is within 5σ = 25.
    assert.equal(result.release?.sigma2, '25');
    assert.ok(Math.abs((result.release?.metrics.examples ?? 0) - examples.rows) < 25);
  });

  it('prints a readable report without --json', async () => {
    const output = await evaluate([
      ...['--model', model, '--task', 'growth.status/v1', '--data', path.join(data, SIM_CSV_FILE)],
    ]);
    assert.ok(output[0]?.startsWith('growth.status/v1 on csv data: 400 children'));
    assert.ok(output.some((line) => line.startsWith('  stunting: n ')));
  });

  it('checks the model before reading any data, with stable codes', async () => {
    const notOnnx = path.join(dir, 'not-a-model.onnx');
    writeFileSync(notOnnx, 'this is not ONNX');
    const missingData = path.join(dir, 'no-such-data.csv');
    const rejects = (args: string[], code: string) =>
      assert.rejects(evaluate(args), (error: unknown) => hasCode(error, code));
    await rejects(
      ['--model', notOnnx, '--task', 'growth.status/v1', '--data', missingData],
      'MODEL_NOT_ONNX',
    );
    await rejects(
      ['--model', model, '--task', 'growth.zscore/v1', '--data', missingData],
      'MODEL_OUTPUT_MISMATCH',
    );
    await rejects(
      ['--model', model, '--task', 'growth.status/v1', '--data', missingData],
      'DATA_NOT_FOUND',
    );
    await rejects(
      ['--model', model, '--task', 'growth.size/v1', '--data', missingData],
      'TASK_UNKNOWN',
    );
    await rejects(['--model', model, '--data', missingData], 'USAGE');
    await rejects(
      ['--model', model, '--task', 'growth.status/v1', '--data', missingData, '--format', 'xml'],
      'FORMAT_UNKNOWN',
    );
    await rejects(
      ['--model', model, '--task', 'growth.status/v1', '--data', missingData, '--privacy-rho', '0'],
      'USAGE',
    );
  });
});
