/**
 * `score` keeps two batches in flight (the next is sent before the last is
 * answered): outputs must still land in their rows, and a batch that fails
 * or hangs must settle the whole call with one code, leaving no batch of it
 * running behind the next call.
 */
import { strict as assert } from 'node:assert';
import { hasCode } from '../../../benchmark/errors.js';
import { attr } from '../../../benchmark/onnx/onnx-attribute.js';
import { encodeModel } from '../../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../../benchmark/onnx/graph-builder.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { buildHangingModel } from '../../helpers/onnx-hostile-models.js';

const contract = modelContractOf(GROWTH_STATUS);
const TABLE = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];
// ONNX TensorProto.DataType INT64.
const INT64 = 7;

/**
 * probabilities = TABLE[features], element by element: exact, and a run
 * fails (Gather's bounds check) on any feature outside 0–7, so the data
 * decides which batch fails.
 */
function buildLookupModel(): Uint8Array {
  const graph = new GraphBuilder('lookup_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const indices = graph.op('Cast', [x], { to: attr.int(INT64) });
  const table = graph.constant(TABLE, 'float32', [TABLE.length]);
  graph.op('Gather', [table, indices], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/** `rows` rows whose features are 0–7, a different pattern per row. */
function lookupInput(rows: number): Float32Array {
  return Float32Array.from({ length: rows * 6 }, (_, i) => (i * 5 + Math.floor(i / 6)) % 8);
}

describe('score with batches in flight', function () {
  this.timeout(30_000);
  // A failed run leaves the runner serving, so one scorer serves the lookup tests.
  let scorer: OnnxScorer;

  before(async () => {
    // Two rows per batch, so a few rows make several batches.
    scorer = await OnnxScorer.create({ timeoutMs: 10_000, maxModelBytes: 1 << 20, batchRows: 2 });
    await scorer.load(buildLookupModel(), contract);
  });
  after(async () => {
    await scorer.close();
  });

  it('puts every batch’s output in its own rows', async () => {
    const input = lookupInput(51);
    const output = await scorer.score(input, 51);
    assert.deepEqual(
      [...output],
      [...input].map((value) => TABLE[value]),
    );
  });

  it('fails the call when a middle batch fails (MODEL_RUN_FAILED), then serves on', async () => {
    const input = lookupInput(8);
    // Row 3 (second batch) is out of the table; batches three and four were sent or follow.
    input[3 * 6] = 100;
    await assert.rejects(scorer.score(input, 8), (e) => hasCode(e, 'MODEL_RUN_FAILED'));
    const valid = lookupInput(5);
    assert.deepEqual(
      [...(await scorer.score(valid, 5))],
      [...valid].map((v) => TABLE[v]),
    );
  });

  it('kills a batch that hangs with the next one in flight (MODEL_TIMEOUT)', async () => {
    const hanging = await OnnxScorer.create({
      timeoutMs: 500,
      maxModelBytes: 1 << 20,
      batchRows: 1,
    });
    try {
      await hanging.load(buildHangingModel(), contract);
      await assert.rejects(hanging.score(new Float32Array(3 * 6), 3), (e) =>
        hasCode(e, 'MODEL_TIMEOUT'),
      );
      await assert.rejects(hanging.score(new Float32Array(6), 1), (e) =>
        hasCode(e, 'SCORER_CLOSED'),
      );
    } finally {
      await hanging.close();
    }
  });
});
