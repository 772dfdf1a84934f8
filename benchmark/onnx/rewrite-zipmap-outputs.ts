/**
 * scikit-learn classifiers exported by skl2onnx end in a ZipMap that turns
 * the [N, classes] probability tensor into one {class → probability} map per
 * row: `output_probability` of type seq(map(int64 | string, float)).
 * onnxruntime-node cannot return sequences of maps, and the maps hold nothing
 * the tensor does not. So before a session is built, each ZipMap that feeds a
 * graph output directly is replaced by an Identity of its input: the output
 * keeps its name and becomes the float32 [N, classes] tensor, columns in the
 * ZipMap's class-label order.
 */
import type { onnx } from 'onnx-proto';
import { ELEMENT_TYPE_CODES } from './tensor-element-type.js';
import { ML_DOMAIN } from './operator-policy.js';

/**
 * `model` with its ZipMap outputs rewritten as described above; `model`
 * itself (unchanged) when it has none.
 */
export function rewriteZipMapOutputs(model: onnx.IModelProto): onnx.IModelProto {
  const graph = model.graph ?? {};
  const outputNames = new Set((graph.output ?? []).map((output) => output.name ?? ''));
  const zipMaps = new Map(
    (graph.node ?? [])
      .filter((node) => isZipMap(node) && outputNames.has(node.output?.[0] ?? ''))
      .map((node) => [node.output?.[0] ?? '', node]),
  );
  if (zipMaps.size === 0) return model;
  const node = (graph.node ?? []).map((n) =>
    zipMaps.get(n.output?.[0] ?? '') === n ? identityOf(n) : n,
  );
  const output = (graph.output ?? []).map((value) => {
    const zipMap = zipMaps.get(value.name ?? '');
    return zipMap ? probabilityTensor(value.name ?? '', classCount(zipMap)) : value;
  });
  return { ...model, graph: { ...graph, node, output } };
}

function isZipMap(node: onnx.INodeProto): boolean {
  return node.opType === 'ZipMap' && node.domain === ML_DOMAIN;
}

/** Identity from the ZipMap's input to its output name (the ZipMap's only output). */
function identityOf(zipMap: onnx.INodeProto): onnx.INodeProto {
  return {
    name: `${zipMap.name ?? 'ZipMap'}_as_tensor`,
    opType: 'Identity',
    input: [zipMap.input?.[0] ?? ''],
    output: [zipMap.output?.[0] ?? ''],
  };
}

/** One column per class label, int64 or string labels alike. */
function classCount(zipMap: onnx.INodeProto): number {
  const labels = (zipMap.attribute ?? []).find((a) => a.name?.startsWith('classlabels_'));
  return (labels?.ints ?? []).length + (labels?.strings ?? []).length;
}

function probabilityTensor(name: string, classes: number): onnx.IValueInfoProto {
  // The batch dimension is symbolic, as the model contract requires.
  const dim = [{ dimParam: 'N' }, { dimValue: classes }];
  return { name, type: { tensorType: { elemType: ELEMENT_TYPE_CODES.float32, shape: { dim } } } };
}
