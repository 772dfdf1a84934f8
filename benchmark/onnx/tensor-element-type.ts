/**
 * Element types the graph builder writes, and the names onnxruntime uses for
 * every ONNX element type so model signatures read from protobuf and from a
 * runtime session compare equal.
 */

/** Element types the builder can declare for values and initializers. */
export type TensorElementType = 'float32' | 'int64' | 'bool';

/** One dimension: a fixed size, or a symbolic name such as `N` for the batch. */
export type Dim = number | string;

/** `TensorProto.DataType` codes of the builder's element types. */
export const ELEMENT_TYPE_CODES: Readonly<Record<TensorElementType, number>> = Object.freeze({
  float32: 1,
  int64: 7,
  bool: 9,
});

// Index = TensorProto.DataType code; names follow onnxruntime's `Tensor.Type`.
const TYPE_NAMES: readonly (string | undefined)[] = [
  undefined,
  'float32',
  'uint8',
  'int8',
  'uint16',
  'int16',
  'int32',
  'int64',
  'string',
  'bool',
  'float16',
  'float64',
  'uint32',
  'uint64',
  'complex64',
  'complex128',
  'bfloat16',
];

/** Name of a `TensorProto.DataType` code as onnxruntime spells it; `unknown` otherwise. */
export function elementTypeName(code: number): string {
  return TYPE_NAMES[code] ?? 'unknown';
}
