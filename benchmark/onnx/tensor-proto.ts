/**
 * Conversions from plain TypeScript values to ONNX `TensorProto` and
 * `ValueInfoProto` messages.
 */
import type { onnx } from 'onnx-proto';
import { CentileError } from '../errors.js';
import { ELEMENT_TYPE_CODES } from './tensor-element-type.js';
import type { Dim, TensorElementType } from './tensor-element-type.js';

/** Values of a tensor in row-major order; booleans are given as 0/1. */
export type TensorValues = ArrayLike<number>;

/**
 * A constant tensor. Data goes into `raw_data`, little-endian as the ONNX spec
 * requires, written through a DataView so the bytes never depend on the host.
 */
export function toTensorProto(
  name: string,
  type: TensorElementType,
  dims: readonly number[],
  values: TensorValues,
): onnx.ITensorProto {
  const count = dims.reduce((product, dim) => product * dim, 1);
  if (values.length !== count || dims.some((dim) => !Number.isInteger(dim) || dim < 0)) {
    throw new CentileError('internal', 'ONNX_GRAPH_INVALID', 'tensor values do not match its dims');
  }
  return {
    name,
    dims: [...dims],
    dataType: ELEMENT_TYPE_CODES[type],
    rawData: toRawData(type, values),
  };
}

function toRawData(type: TensorElementType, values: TensorValues): Uint8Array {
  const width = type === 'float32' ? 4 : type === 'int64' ? 8 : 1;
  const bytes = new Uint8Array(values.length * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 0;
    if (type === 'float32') view.setFloat32(i * 4, value, true);
    else if (type === 'int64') view.setBigInt64(i * 8, BigInt(Math.trunc(value)), true);
    else view.setUint8(i, value === 0 ? 0 : 1);
  }
  return bytes;
}

/** The declared type of a graph input or output: element type and shape. */
export function toValueInfoProto(
  name: string,
  type: TensorElementType,
  shape: readonly Dim[],
): onnx.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: ELEMENT_TYPE_CODES[type], shape: { dim } } } };
}

/**
 * The type `seq(map(key, value))`: what scikit-learn converters declare for a
 * ZipMap's per-row class → probability output.
 */
export function toSequenceOfMapsType(
  keyType: TensorElementType,
  valueType: TensorElementType,
): onnx.ITypeProto {
  const value = { tensorType: { elemType: ELEMENT_TYPE_CODES[valueType] } };
  return {
    sequenceType: {
      elemType: { mapType: { keyType: ELEMENT_TYPE_CODES[keyType], valueType: value } },
    },
  };
}
