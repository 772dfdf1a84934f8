import { strict as assert } from 'node:assert';
import type { ModelContract } from '../../../../benchmark/onnx/model-contract.js';
import type { LoadedModel, ModelLoader } from '../../../../node/core/ports.js';
import { meterModelLoader } from '../../../../node/ops/metered-model-loader.js';

const CONTRACT = {} as ModelContract;

function fakeLoader(score: LoadedModel['score'], closed: string[]): ModelLoader {
  const close = () => {
    closed.push('closed');
    return Promise.resolve();
  };
  return { load: () => Promise.resolve({ score, close }) };
}

describe('node/ops/metered-model-loader', () => {
  it('passes scores through unchanged and times each call', async () => {
    const observed: number[] = [];
    const closed: string[] = [];
    const inputs: [Float32Array, number][] = [];
    const loader = meterModelLoader(
      fakeLoader((input, rows) => {
        inputs.push([input, rows]);
        return Promise.resolve(new Float32Array([0.25, 0.75]));
      }, closed),
      (s) => observed.push(s),
    );
    const model = await loader.load(new Uint8Array(3), CONTRACT);
    const input = new Float32Array([1, 2]);
    assert.deepEqual([...(await model.score(input, 2))], [0.25, 0.75]);
    assert.equal(inputs[0]?.[0], input, 'the same input array reaches the model');
    assert.equal(inputs[0]?.[1], 2);
    assert.equal(observed.length, 1);
    assert.ok((observed[0] ?? -1) >= 0);
    await model.close();
    assert.deepEqual(closed, ['closed']);
  });

  it('rethrows a scoring error as is, and still times the call', async () => {
    const observed: number[] = [];
    const failure = new Error('MODEL_TIMEOUT');
    const loader = meterModelLoader(
      fakeLoader(() => Promise.reject(failure), []),
      (s) => observed.push(s),
    );
    const model = await loader.load(new Uint8Array(3), CONTRACT);
    await assert.rejects(model.score(new Float32Array(1), 1), (e) => e === failure);
    assert.equal(observed.length, 1);
  });

  it('passes a load failure through without timing anything', async () => {
    const observed: number[] = [];
    const failure = new Error('MODEL_INPUT_MISMATCH');
    const loader = meterModelLoader({ load: () => Promise.reject(failure) }, (s) =>
      observed.push(s),
    );
    await assert.rejects(loader.load(new Uint8Array(3), CONTRACT), (e) => e === failure);
    assert.deepEqual(observed, []);
  });
});
