/**
 * Reads a model's declared inputs and outputs straight from its ModelProto
 * bytes, for runtimes that do not report them.
 */
import type { onnx } from 'onnx-proto';
import { decodeModel } from './decode-model.js';
import { elementTypeName } from './tensor-element-type.js';
import type { ModelSignature, ValueSignature } from './model-signature.js';

/**
 * The signature of a serialised model. Throws `MODEL_NOT_ONNX` when the bytes
 * are not a ModelProto with a graph.
 */
export function readModelSignature(bytes: Uint8Array): ModelSignature {
  return graphSignature(decodeModel(bytes).graph);
}

function graphSignature(graph: onnx.IGraphProto): ModelSignature {
  // Since IR version 4 initializers may also be listed as inputs (overridable
  // defaults); they are not fed by the caller, so they are not part of the contract.
  const constants = new Set((graph.initializer ?? []).map((tensor) => tensor.name ?? ''));
  const inputs = (graph.input ?? []).filter((value) => !constants.has(value.name ?? ''));
  return {
    inputs: inputs.map(toValueSignature),
    outputs: (graph.output ?? []).map(toValueSignature),
  };
}

function toValueSignature(value: onnx.IValueInfoProto): ValueSignature {
  const tensor = value.type?.tensorType;
  const name = value.name ?? '';
  if (!tensor) return { name, isTensor: false, type: 'unknown', shape: [] };
  const shape = (tensor.shape?.dim ?? []).map((dim) =>
    dim.dimValue !== undefined && dim.dimValue !== null
      ? Number(dim.dimValue)
      : (dim.dimParam ?? ''),
  );
  return { name, isTensor: true, type: elementTypeName(tensor.elemType ?? 0), shape };
}
