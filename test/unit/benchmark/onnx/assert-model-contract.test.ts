import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertModelContract } from '../../../../benchmark/onnx/assert-model-contract.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../../benchmark/tasks/task-model-contract.js';
import type { ModelContract } from '../../../../benchmark/onnx/model-contract.js';
import type { ModelSignature, ValueSignature } from '../../../../benchmark/onnx/model-signature.js';

const input: ValueSignature = {
  name: 'features',
  isTensor: true,
  type: 'float32',
  shape: ['N', 6],
};
const output: ValueSignature = {
  name: 'probabilities',
  isTensor: true,
  type: 'float32',
  shape: ['batch', 6],
};

function check(signature: ModelSignature): string | undefined {
  try {
    assertModelContract(signature, modelContractOf(GROWTH_STATUS));
    return undefined;
  } catch (error) {
    return hasCode(error, 'MODEL_INPUT_MISMATCH')
      ? 'MODEL_INPUT_MISMATCH'
      : hasCode(error, 'MODEL_OUTPUT_MISMATCH')
        ? 'MODEL_OUTPUT_MISMATCH'
        : 'other';
  }
}

describe('assertModelContract', () => {
  it('is the growth.status contract: features [N, 6] → probabilities [N, 6]', () => {
    assert.deepEqual(
      { ...modelContractOf(GROWTH_STATUS) },
      { inputName: 'features', inputColumns: 6, outputName: 'probabilities', outputColumns: 6 },
    );
  });

  it('accepts a matching model, any batch dimension name, and extra outputs', () => {
    assert.equal(check({ inputs: [input], outputs: [output] }), undefined);
    const label = { ...output, name: 'label', type: 'int64' };
    assert.equal(
      check({ inputs: [{ ...input, shape: ['', 6] }], outputs: [label, output] }),
      undefined,
    );
  });

  const inputCases: [string, ModelSignature][] = [
    ['no input', { inputs: [], outputs: [output] }],
    ['another name', { inputs: [{ ...input, name: 'x' }], outputs: [output] }],
    ['a second input', { inputs: [input, { ...input, name: 'mask' }], outputs: [output] }],
    ['float64', { inputs: [{ ...input, type: 'float64' }], outputs: [output] }],
    ['5 columns', { inputs: [{ ...input, shape: ['N', 5] }], outputs: [output] }],
    ['symbolic columns', { inputs: [{ ...input, shape: ['N', 'C'] }], outputs: [output] }],
    ['a fixed batch', { inputs: [{ ...input, shape: [1, 6] }], outputs: [output] }],
    ['rank 3', { inputs: [{ ...input, shape: ['N', 6, 1] }], outputs: [output] }],
    ['a non-tensor', { inputs: [{ ...input, isTensor: false }], outputs: [output] }],
  ];
  for (const [name, signature] of inputCases) {
    it(`refuses an input with ${name}: MODEL_INPUT_MISMATCH`, () => {
      assert.equal(check(signature), 'MODEL_INPUT_MISMATCH');
    });
  }

  const outputCases: [string, ValueSignature[]][] = [
    ['no output of that name', [{ ...output, name: 'scores' }]],
    ['int64', [{ ...output, type: 'int64' }]],
    ['7 columns', [{ ...output, shape: ['N', 7] }]],
    ['rank 1', [{ ...output, shape: ['N'] }]],
    ['an undeclared shape', [{ ...output, shape: [] }]],
    ['a fixed batch', [{ ...output, shape: [4096, 6] }]],
  ];
  for (const [name, outputs] of outputCases) {
    it(`refuses an output with ${name}: MODEL_OUTPUT_MISMATCH`, () => {
      assert.equal(check({ inputs: [input], outputs }), 'MODEL_OUTPUT_MISMATCH');
    });
  }

  describe('with acceptsClassPairs', () => {
    const binary = { ...modelContractOf(GROWTH_STATUS), outputColumns: 1, acceptsClassPairs: true };
    const columns = (width: number): ModelSignature => ({
      inputs: [input],
      outputs: [{ ...output, shape: ['N', width] }],
    });
    const codeOf = (signature: ModelSignature, contract: ModelContract): string | undefined => {
      try {
        assertModelContract(signature, contract);
        return undefined;
      } catch (error) {
        return hasCode(error, 'MODEL_OUTPUT_MISMATCH') ? 'MODEL_OUTPUT_MISMATCH' : 'other';
      }
    };

    it('accepts a [N, 2] class pair or a [N, 1] column for a one-column contract', () => {
      assert.equal(codeOf(columns(2), binary), undefined);
      assert.equal(codeOf(columns(1), binary), undefined);
    });

    it('refuses three classes, and pairs when the option is off or the contract is wider', () => {
      assert.equal(codeOf(columns(3), binary), 'MODEL_OUTPUT_MISMATCH');
      const off = { ...binary, acceptsClassPairs: false };
      assert.equal(codeOf(columns(2), off), 'MODEL_OUTPUT_MISMATCH');
      const wide = { ...modelContractOf(GROWTH_STATUS), acceptsClassPairs: true };
      assert.equal(codeOf(columns(2), wide), 'MODEL_OUTPUT_MISMATCH');
    });
  });
});
