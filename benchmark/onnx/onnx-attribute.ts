/**
 * Node attributes. ONNX distinguishes int from float attributes, which a JS
 * number cannot, so every attribute is built through `attr.*`.
 */
import type { onnx } from 'onnx-proto';
import { onnxProto } from './onnx-proto.js';
import { ELEMENT_TYPE_CODES } from './tensor-element-type.js';
import type { TensorElementType } from './tensor-element-type.js';

/** A typed attribute value, ready to become an `AttributeProto`. */
export type OnnxAttribute =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'ints'; readonly value: readonly number[] }
  | { readonly type: 'floats'; readonly value: readonly number[] }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'strings'; readonly value: readonly string[] }
  | { readonly type: 'tensor'; readonly value: onnx.ITensorProto }
  | { readonly type: 'graph'; readonly value: onnx.IGraphProto };

/** Attributes of one node by name. */
export type OnnxAttributes = Readonly<Record<string, OnnxAttribute>>;

/** Constructors for each attribute type. */
export const attr = {
  int: (value: number): OnnxAttribute => ({ type: 'int', value }),
  float: (value: number): OnnxAttribute => ({ type: 'float', value }),
  ints: (value: readonly number[]): OnnxAttribute => ({ type: 'ints', value }),
  floats: (value: readonly number[]): OnnxAttribute => ({ type: 'floats', value }),
  string: (value: string): OnnxAttribute => ({ type: 'string', value }),
  strings: (value: readonly string[]): OnnxAttribute => ({ type: 'strings', value }),
  tensor: (value: onnx.ITensorProto): OnnxAttribute => ({ type: 'tensor', value }),
  graph: (value: onnx.IGraphProto): OnnxAttribute => ({ type: 'graph', value }),
  /** The `to` attribute of Cast: an element type as its DataType code. */
  elementType: (value: TensorElementType): OnnxAttribute => ({
    type: 'int',
    value: ELEMENT_TYPE_CODES[value],
  }),
} as const;

const KIND = onnxProto.AttributeProto.AttributeType;

/** The `AttributeProto` of one named attribute. */
export function toAttributeProto(name: string, attribute: OnnxAttribute): onnx.IAttributeProto {
  switch (attribute.type) {
    case 'int':
      return { name, type: KIND.INT, i: attribute.value };
    case 'float':
      return { name, type: KIND.FLOAT, f: attribute.value };
    case 'ints':
      return { name, type: KIND.INTS, ints: [...attribute.value] };
    case 'floats':
      return { name, type: KIND.FLOATS, floats: [...attribute.value] };
    case 'string':
      return { name, type: KIND.STRING, s: new TextEncoder().encode(attribute.value) };
    case 'strings': {
      const encoder = new TextEncoder();
      return { name, type: KIND.STRINGS, strings: attribute.value.map((s) => encoder.encode(s)) };
    }
    case 'tensor':
      return { name, type: KIND.TENSOR, t: attribute.value };
    case 'graph':
      return { name, type: KIND.GRAPH, g: attribute.value };
  }
}
