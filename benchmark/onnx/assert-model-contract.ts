/**
 * The model contract check of DESIGN §7, run before any data is touched:
 * exactly one float32 input [N, inputColumns] with the contract's name, and
 * a float32 output [N, outputColumns] with the contract's name. The batch
 * dimension must be symbolic because rows are scored in batches of any size.
 * Other outputs are allowed and ignored (converters often add a label output).
 * With `acceptsClassPairs` a one-column contract also accepts a [N, 2]
 * class-probability output (the runner reads column 1).
 *
 * Messages state what is expected, never what the model declares: model
 * internals are the model owner's confidential business.
 */
import { CentileError } from '../errors.js';
import type { ModelContract } from './model-contract.js';
import type { ModelSignature, ValueSignature } from './model-signature.js';

/** Throws `MODEL_INPUT_MISMATCH` or `MODEL_OUTPUT_MISMATCH` when `signature` breaks `contract`. */
export function assertModelContract(signature: ModelSignature, contract: ModelContract): void {
  const [input] = signature.inputs;
  if (signature.inputs.length !== 1 || !input || input.name !== contract.inputName) {
    throw mismatch(
      'MODEL_INPUT_MISMATCH',
      `the model must have exactly one input named '${contract.inputName}'`,
    );
  }
  if (!isBatchMatrix(input, contract.inputColumns)) {
    throw mismatch(
      'MODEL_INPUT_MISMATCH',
      `input '${contract.inputName}' must be float32 [N, ${contract.inputColumns}]`,
    );
  }
  const output = signature.outputs.find((value) => value.name === contract.outputName);
  if (!output) {
    throw mismatch(
      'MODEL_OUTPUT_MISMATCH',
      `the model must have an output named '${contract.outputName}'`,
    );
  }
  if (!outputColumnCounts(contract).some((columns) => isBatchMatrix(output, columns))) {
    throw mismatch(
      'MODEL_OUTPUT_MISMATCH',
      `output '${contract.outputName}' must be float32 [N, ${contract.outputColumns}]`,
    );
  }
}

/** Column counts the contract's output may declare. */
function outputColumnCounts(contract: ModelContract): readonly number[] {
  const pairs = contract.acceptsClassPairs === true && contract.outputColumns === 1;
  return pairs ? [1, 2] : [contract.outputColumns];
}

/** A float32 tensor of shape [symbolic batch, `columns`]. */
function isBatchMatrix(value: ValueSignature, columns: number): boolean {
  const [batch, width] = value.shape;
  return (
    value.isTensor &&
    value.type === 'float32' &&
    value.shape.length === 2 &&
    typeof batch === 'string' &&
    width === columns
  );
}

function mismatch(
  code: 'MODEL_INPUT_MISMATCH' | 'MODEL_OUTPUT_MISMATCH',
  message: string,
): CentileError {
  return new CentileError('invalid-input', code, message);
}
