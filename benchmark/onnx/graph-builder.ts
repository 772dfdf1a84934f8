/**
 * A small builder for ONNX graphs written from TypeScript: declare inputs,
 * add constants and nodes (each returns the name of the value it produces),
 * declare outputs, then hand the graph to `encodeModel`. Subgraphs (Loop and
 * If bodies) are GraphBuilders too, passed through `attr.graph`. Operators of
 * other domains (`ai.onnx.ml` for scikit-learn style models) go through
 * `domainNode`; `encodeModel` imports every domain the graph uses.
 */
import type { onnx } from 'onnx-proto';
import { CentileError } from '../errors.js';
import { toAttributeProto } from './onnx-attribute.js';
import type { OnnxAttributes } from './onnx-attribute.js';
import { toTensorProto, toValueInfoProto } from './tensor-proto.js';
import type { TensorValues } from './tensor-proto.js';
import type { Dim, TensorElementType } from './tensor-element-type.js';

/** Options of a graph; `prefix` keeps generated names of a subgraph apart from its outer graph's. */
export interface GraphBuilderOptions {
  readonly prefix?: string;
}

/** Accumulates the inputs, initializers, nodes and outputs of one graph. */
export class GraphBuilder {
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly nodes: onnx.INodeProto[] = [];
  // ONNX graphs are in SSA form: every value name is assigned exactly once.
  private readonly defined = new Set<string>();
  private readonly prefix: string;
  private counter = 0;

  /** @param name the graph's name (informational). */
  constructor(
    readonly name: string,
    options: GraphBuilderOptions = {},
  ) {
    this.prefix = options.prefix ?? '';
  }

  /** Declares a graph input; returns its name. */
  input(name: string, type: TensorElementType, shape: readonly Dim[]): string {
    this.define(name);
    this.inputs.push(toValueInfoProto(name, type, shape));
    return name;
  }

  /** Declares an existing value as a graph output with its type and shape. */
  output(name: string, type: TensorElementType, shape: readonly Dim[]): void {
    this.outputs.push(toValueInfoProto(name, type, shape));
  }

  /** Declares an existing value as a graph output of any type, e.g. a sequence of maps. */
  outputOfType(name: string, type: onnx.ITypeProto): void {
    this.outputs.push({ name, type });
  }

  /** Adds a named constant tensor (an initializer); returns its name. */
  initializer(
    name: string,
    type: TensorElementType,
    dims: readonly number[],
    values: TensorValues,
  ): string {
    this.define(name);
    this.initializers.push(toTensorProto(name, type, dims, values));
    return name;
  }

  /** Adds an unnamed constant: a float32 vector by default, `dims: []` for a scalar. */
  constant(
    values: TensorValues,
    type: TensorElementType = 'float32',
    dims?: readonly number[],
  ): string {
    return this.initializer(this.fresh('const'), type, dims ?? [values.length], values);
  }

  /** Adds a node with one output; returns the output's name (`outputName` or a generated one). */
  op(
    opType: string,
    inputs: readonly string[],
    attributes: OnnxAttributes = {},
    outputName?: string,
  ): string {
    const [output] = this.node(
      opType,
      inputs,
      [outputName ?? this.fresh(opType.toLowerCase())],
      attributes,
    );
    return output ?? '';
  }

  /** Adds a node with the given output names; an empty input name marks an omitted optional input. */
  node(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attributes: OnnxAttributes = {},
  ): readonly string[] {
    return this.domainNode('', opType, inputs, outputs, attributes);
  }

  /** Adds a node of operator set `domain` (`''` is the default ONNX domain); returns its outputs. */
  domainNode(
    domain: string,
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attributes: OnnxAttributes = {},
  ): readonly string[] {
    outputs.forEach((output) => this.define(output));
    this.nodes.push({
      name: this.fresh(`${opType}_node`),
      opType,
      ...(domain === '' ? {} : { domain }),
      input: [...inputs],
      output: [...outputs],
      attribute: Object.entries(attributes).map(([key, value]) => toAttributeProto(key, value)),
    });
    return outputs;
  }

  /** The graph as a protobuf message (for `encodeModel` or a subgraph attribute). */
  toGraphProto(): onnx.IGraphProto {
    return {
      name: this.name,
      input: [...this.inputs],
      output: [...this.outputs],
      initializer: [...this.initializers],
      node: [...this.nodes],
    };
  }

  private define(name: string): void {
    if (name === '' || this.defined.has(name)) {
      throw new CentileError(
        'internal',
        'ONNX_GRAPH_INVALID',
        'graph value names must be unique and non-empty',
      );
    }
    this.defined.add(name);
  }

  private fresh(stem: string): string {
    this.counter += 1;
    return `${this.prefix}${stem}_${this.counter}`;
  }
}
