/**
 * Serialises a graph into ONNX `ModelProto` bytes at the one opset and IR
 * version the project writes (opset 17 needs IR version 8). Operator sets
 * other than the default domain are imported when the graph uses them.
 */
import type { onnx } from 'onnx-proto';
import { onnxProto } from './onnx-proto.js';
import type { GraphBuilder } from './graph-builder.js';

/** Default-domain opset every model built here imports. */
export const ONNX_OPSET_VERSION = 17;
/** IR version matching `ONNX_OPSET_VERSION`. */
export const ONNX_IR_VERSION = 8;
/** `ai.onnx.ml` opset imported when the graph uses it (the version skl2onnx writes beside opset 17). */
export const ONNX_ML_OPSET_VERSION = 3;

/** What goes around the graph in the model. */
export interface EncodeModelOptions {
  /** `metadata_props`, e.g. `{ 'centile.task': 'growth.status/v1' }`. */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  /**
   * Opset version by domain, overriding the defaults (`''` →
   * `ONNX_OPSET_VERSION`, `ai.onnx.ml` → `ONNX_ML_OPSET_VERSION`, any other
   * domain the graph uses → 1). A domain listed here is imported even if unused.
   */
  readonly opsetImports?: Readonly<Record<string, number>>;
}

/** The model's protobuf bytes, in a buffer of their own (safe to transfer to a worker). */
export function encodeModel(graph: GraphBuilder, options: EncodeModelOptions = {}): Uint8Array {
  const graphProto = graph.toGraphProto();
  const message = onnxProto.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: opsetImports(graphProto, options.opsetImports ?? {}),
    producerName: options.producerName ?? 'centile',
    producerVersion: options.producerVersion ?? '',
    docString: options.docString ?? '',
    graph: graphProto,
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  });
  // protobufjs may hand back a view into a shared pool; copy to own the bytes.
  return new Uint8Array(onnxProto.ModelProto.encode(message).finish());
}

/** The default domain first, then every other domain the graph (or `overrides`) names. */
function opsetImports(
  graph: onnx.IGraphProto,
  overrides: Readonly<Record<string, number>>,
): onnx.IOperatorSetIdProto[] {
  const domains = new Set(['', ...domainsOf(graph), ...Object.keys(overrides)]);
  return [...domains].map((domain) => ({
    domain,
    version: overrides[domain] ?? DEFAULT_VERSIONS[domain] ?? 1,
  }));
}

const DEFAULT_VERSIONS: Readonly<Record<string, number>> = {
  '': ONNX_OPSET_VERSION,
  'ai.onnx.ml': ONNX_ML_OPSET_VERSION,
};

/** Domains of the graph's nodes, subgraphs (Loop and If bodies) included. */
function domainsOf(graph: onnx.IGraphProto): string[] {
  return (graph.node ?? []).flatMap((node) => [
    node.domain ?? '',
    ...(node.attribute ?? []).flatMap((attribute) => (attribute.g ? domainsOf(attribute.g) : [])),
  ]);
}
