/**
 * Everything the node checks and changes in a submitted model before
 * onnxruntime builds a session from it, in one pure step.
 */
import { assertModelOperators } from './assert-model-operators.js';
import { assertSelfContained } from './assert-self-contained.js';
import { decodeModel } from './decode-model.js';
import { onnxProto } from './onnx-proto.js';
import { DEFAULT_OPERATOR_POLICY } from './operator-policy.js';
import type { OperatorPolicy } from './operator-policy.js';
import { rewriteZipMapOutputs } from './rewrite-zipmap-outputs.js';

/**
 * The bytes to load: `bytes` decoded (`MODEL_NOT_ONNX`), checked against
 * `policy` (`MODEL_OPSET_NOT_ALLOWED`, `MODEL_OPERATOR_NOT_ALLOWED`) and for
 * external data (`MODEL_EXTERNAL_DATA_NOT_ALLOWED`), with ZipMap outputs
 * rewritten to tensors (see rewriteZipMapOutputs). Returns `bytes` itself
 * when nothing was rewritten.
 */
export function prepareModel(
  bytes: Uint8Array,
  policy: OperatorPolicy = DEFAULT_OPERATOR_POLICY,
): Uint8Array {
  const model = decodeModel(bytes);
  assertModelOperators(model, policy);
  assertSelfContained(model);
  const rewritten = rewriteZipMapOutputs(model);
  return rewritten === model ? bytes : onnxProto.ModelProto.encode(rewritten).finish();
}
