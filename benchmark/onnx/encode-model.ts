/**
 * Serialises a graph into ONNX `ModelProto` bytes at the one opset and IR
 * version the project writes (opset 17 needs IR version 8).
 */
import { onnxProto } from './onnx-proto.js';
import type { GraphBuilder } from './graph-builder.js';

/** Default-domain opset every model built here imports. */
export const ONNX_OPSET_VERSION = 17;
/** IR version matching `ONNX_OPSET_VERSION`. */
export const ONNX_IR_VERSION = 8;

/** What goes around the graph in the model. */
export interface EncodeModelOptions {
  /** `metadata_props`, e.g. `{ 'centile.task': 'growth.status/v1' }`. */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
}

/** The model's protobuf bytes, in a buffer of their own (safe to transfer to a worker). */
export function encodeModel(graph: GraphBuilder, options: EncodeModelOptions = {}): Uint8Array {
  const message = onnxProto.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET_VERSION }],
    producerName: options.producerName ?? 'centile',
    producerVersion: options.producerVersion ?? '',
    docString: options.docString ?? '',
    graph: graph.toGraphProto(),
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  });
  // protobufjs may hand back a view into a shared pool; copy to own the bytes.
  return new Uint8Array(onnxProto.ModelProto.encode(message).finish());
}
