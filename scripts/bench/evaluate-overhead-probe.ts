/**
 * Child process of the evaluation-overhead benchmark: on one Sim cohort
 * held in memory, times raw onnxruntime inference of the benchmark MLP on
 * the task's feature tensor (session creation and batched runs), then the
 * whole local evaluation as `centile evaluate` runs it after parsing (examples,
 * the isolated runner, exact metrics, the noisy release and its metrics), and
 * prints both as JSON. It also times the least work any such evaluation must
 * do besides inference — one pass over the cohort's measurement columns and
 * the label z-scores of the example visits with the batch scorer — so the
 * target can be judged against what this machine can do at all. Product code comes from the compiled build, as a node
 * runs it.
 */
import * as ort from 'onnxruntime-node';
import type * as SimModule from '../../benchmark/sim/generate-sim-site.js';
import type * as SpecModule from '../../benchmark/sim/sim-site-spec.js';
import type * as WhoModule from '../../benchmark/growth/score-who.js';
import type * as BatchModule from '../../benchmark/growth/score-batch.js';
import type * as IndicatorsModule from '../../benchmark/growth/growth-indicators.js';
import type * as StatusModule from '../../benchmark/tasks/growth-status.js';
import type * as ExactModule from '../../benchmark/tasks/exact-task-metrics.js';
import type * as ReleaseModule from '../../benchmark/tasks/task-release.js';
import type * as MetricsModule from '../../benchmark/tasks/task-metrics.js';
import type * as ContractModule from '../../benchmark/tasks/task-model-contract.js';
import type * as GaussianModule from '../../benchmark/privacy/gaussian-release.js';
import type * as RationalModule from '../../benchmark/privacy/rational.js';
import type * as LoaderModule from '../../node/onnx/onnx-model-loader.js';
import type * as NoiseModule from '../../node/privacy/gaussian-mechanism.js';
import type * as RandomModule from '../../node/privacy/random-source.js';
import { buildBenchMlp } from './mlp-model.js';

const dist = async <T>(path: string): Promise<T> =>
  (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as T;
const { generateSimSite } = await dist<typeof SimModule>('benchmark/sim/generate-sim-site.js');
const { SIM_SITES } = await dist<typeof SpecModule>('benchmark/sim/sim-site-spec.js');
const { scoreWho } = await dist<typeof WhoModule>('benchmark/growth/score-who.js');
const { scoreBatch } = await dist<typeof BatchModule>('benchmark/growth/score-batch.js');
const { findGrowthIndicator } = await dist<typeof IndicatorsModule>(
  'benchmark/growth/growth-indicators.js',
);
const { GROWTH_STATUS: task } = await dist<typeof StatusModule>('benchmark/tasks/growth-status.js');
const { exactTaskMetrics } = await dist<typeof ExactModule>(
  'benchmark/tasks/exact-task-metrics.js',
);
const release = await dist<typeof ReleaseModule>('benchmark/tasks/task-release.js');
const { taskMetrics } = await dist<typeof MetricsModule>('benchmark/tasks/task-metrics.js');
const { modelContractOf } = await dist<typeof ContractModule>(
  'benchmark/tasks/task-model-contract.js',
);
const { planGaussianRelease } = await dist<typeof GaussianModule>(
  'benchmark/privacy/gaussian-release.js',
);
const { parseRational } = await dist<typeof RationalModule>('benchmark/privacy/rational.js');
const { createOnnxModelLoader } = await dist<typeof LoaderModule>('node/onnx/onnx-model-loader.js');
const { addGaussianReleaseNoise } = await dist<typeof NoiseModule>(
  'node/privacy/gaussian-mechanism.js',
);
const { createSodiumRandomSource } = await dist<typeof RandomModule>(
  'node/privacy/random-source.js',
);

const BATCH_ROWS = 4096;
const children = Number(process.argv[2] ?? '100000');
const { cohort } = generateSimSite(SIM_SITES.urban, { children, seed: 'bench-evaluate' });
const model = buildBenchMlp(task.features.length, task.labels.length, {
  input: task.inputName,
  output: task.outputName,
});

/** Session creation and batched runs on `features`, nothing else. */
async function rawInference(features: Float32Array, rows: number): Promise<number> {
  const start = performance.now();
  const session = await ort.InferenceSession.create(model);
  const width = task.features.length;
  for (let row = 0; row < rows; row += BATCH_ROWS) {
    const n = Math.min(BATCH_ROWS, rows - row);
    const input = new ort.Tensor('float32', features.subarray(row * width, (row + n) * width), [
      n,
      width,
    ]);
    await session.run({ [task.inputName]: input });
  }
  const ms = performance.now() - start;
  await session.release();
  return ms;
}

/** The evaluation after parsing, stage by stage. */
async function evaluation(): Promise<{
  times: Record<string, number>;
  features: Float32Array;
  rows: number;
}> {
  const times: Record<string, number> = {};
  let last = performance.now();
  const lap = (stage: string): void => {
    const now = performance.now();
    times[stage] = now - last;
    last = now;
  };
  const examples = task.buildExamples(cohort, scoreWho);
  lap('examplesMs');
  const loaded = await createOnnxModelLoader({ timeoutMs: 3_600_000, maxModelBytes: 1 << 30 }).load(
    model,
    modelContractOf(task),
  );
  const predictions = await loaded.score(examples.features, examples.rows);
  await loaded.close();
  lap('runnerMs');
  exactTaskMetrics(task, examples, predictions);
  lap('exactMetricsMs');
  const plan = planGaussianRelease(release.releaseSensitivitySquared(task), parseRational('0.05'));
  const cells = release.countReleaseCells(task, examples, predictions);
  const noisy = addGaussianReleaseNoise(cells, plan, await createSodiumRandomSource());
  taskMetrics(task, noisy.map(Number));
  lap('releaseMs');
  return { times, features: examples.features, rows: examples.rows };
}

/**
 * A lower bound on the work beyond inference: read every measurement once
 * (the columns an example builder must scan) and score, with the batch
 * scorer, four WHO 2006 age-based z-scores per visit: as many table
 * lookups as the status labels take, each on the weight or stature column
 * (the cost of a lookup does not depend on which measurement it scores).
 */
function leastWork(features: Float32Array, rows: number): number {
  const start = performance.now();
  const { child, ageDays, kind, value, estimated } = cohort.measurements;
  let checksum = 0;
  for (let i = 0; i < child.length; i++) {
    checksum += (child[i] as number) + (ageDays[i] as number) + (kind[i] as number);
    checksum += (value[i] as number) + (estimated[i] as number);
  }
  const width = task.features.length;
  const sex = new Uint8Array(rows);
  const age = new Float64Array(rows);
  const weight = new Float64Array(rows);
  const stature = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    sex[r] = features[r * width] as number;
    age[r] = features[r * width + 1] as number;
    weight[r] = features[r * width + 2] as number;
    stature[r] = features[r * width + 3] as number;
  }
  const out = new Float64Array(rows);
  for (const [indicator, measure] of [
    ['wfa', weight],
    ['lhfa', stature],
    ['bfa', weight],
    ['hcfa', stature],
  ] as const) {
    const spec = findGrowthIndicator('WHO2006', indicator);
    if (spec === undefined) throw new Error(`no indicator ${indicator}`);
    scoreBatch(spec, sex, age, measure, out);
    checksum += out[0] ?? 0;
  }
  // Published, so the compiler cannot drop the loops as unused work.
  (globalThis as { benchSink?: number }).benchSink = checksum;
  return performance.now() - start;
}

const { times, features, rows } = await evaluation();
const endToEndMs = Object.values(times).reduce((sum, ms) => sum + ms, 0);
const inferenceMs = await rawInference(features, rows);
const leastWorkMs = leastWork(features, rows);
process.stdout.write(
  `${JSON.stringify({ children, ...times, examples: rows, endToEndMs, inferenceMs, leastWorkMs })}\n`,
);
