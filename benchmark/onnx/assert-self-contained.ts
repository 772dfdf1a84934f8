/**
 * ONNX lets a tensor keep its data in an external file named by the model.
 * The node loads models from memory, and a model must never make the runtime
 * read a file of the node's choosing or, worse, of the model's: every tensor
 * must carry its data inline.
 */
import type { onnx } from 'onnx-proto';
import { CentileError } from '../errors.js';
import { onnxProto } from './onnx-proto.js';

const EXTERNAL = onnxProto.TensorProto.DataLocation.EXTERNAL;

/**
 * Throws `MODEL_EXTERNAL_DATA_NOT_ALLOWED` when an initializer, sparse
 * initializer or tensor attribute of the main graph refers to external data.
 */
export function assertSelfContained(model: onnx.IModelProto): void {
  const graph = model.graph ?? {};
  const sparse = (graph.sparseInitializer ?? []).flatMap(sparseParts);
  const attributes = (graph.node ?? []).flatMap((node) => node.attribute ?? []);
  const tensors = [
    ...(graph.initializer ?? []),
    ...sparse,
    ...attributes.flatMap((attribute) => [
      ...(attribute.t ? [attribute.t] : []),
      ...(attribute.tensors ?? []),
      ...(attribute.sparseTensor ? sparseParts(attribute.sparseTensor) : []),
      ...(attribute.sparseTensors ?? []).flatMap(sparseParts),
    ]),
  ];
  if (tensors.some(isExternal)) {
    throw new CentileError(
      'invalid-input',
      'MODEL_EXTERNAL_DATA_NOT_ALLOWED',
      'the model must hold all tensor data inline',
    );
  }
}

function sparseParts(tensor: onnx.ISparseTensorProto): onnx.ITensorProto[] {
  return [tensor.values, tensor.indices].filter((part) => part != null);
}

function isExternal(tensor: onnx.ITensorProto): boolean {
  return tensor.dataLocation === EXTERNAL || (tensor.externalData ?? []).length > 0;
}
