/**
 * The protobufjs classes generated from `onnx.proto`. onnx-proto ships
 * CommonJS, so under NodeNext its `onnx` namespace arrives on the default
 * export; this file is the one place that knows it.
 */
import onnxProtoPackage from 'onnx-proto';

/** Runtime classes (`ModelProto.encode`, `ModelProto.decode`, ...). Types: `import type { onnx } from 'onnx-proto'`. */
export const onnxProto = onnxProtoPackage.onnx;
