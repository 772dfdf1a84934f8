/**
 * Decodes untrusted model bytes into a ModelProto, the one entry point for
 * every check that reads a submitted model before onnxruntime sees it.
 */
import type { onnx } from 'onnx-proto';
import { CentileError } from '../errors.js';
import { onnxProto } from './onnx-proto.js';

/** A decoded model that is known to have a graph. */
export type DecodedModel = onnx.ModelProto & { readonly graph: onnx.IGraphProto };

/**
 * The ModelProto in `bytes`. Throws `MODEL_NOT_ONNX` when the bytes do not
 * decode (protobufjs also throws RangeError on hostile nesting, caught here)
 * or the model has no graph.
 */
export function decodeModel(bytes: Uint8Array): DecodedModel {
  let model: onnx.ModelProto;
  try {
    model = onnxProto.ModelProto.decode(bytes);
  } catch (cause) {
    throw new CentileError(
      'invalid-input',
      'MODEL_NOT_ONNX',
      'the model is not an ONNX ModelProto',
      { cause },
    );
  }
  const { graph } = model;
  if (!graph) {
    throw new CentileError('invalid-input', 'MODEL_NOT_ONNX', 'the model has no graph');
  }
  return Object.assign(model, { graph });
}
