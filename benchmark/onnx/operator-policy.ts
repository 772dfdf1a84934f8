/**
 * Which operator sets, opset versions and operators a submitted model may
 * use (DESIGN §7). The model is data, never code, only as long as every
 * operator is a reviewed, side-effect-free kernel with bounded work per
 * element: control flow (Loop, Scan, If) can run unboundedly long from one
 * small graph, and custom domains are native code of unknown origin. The
 * list covers MLPs, linear models and tree ensembles as exported by
 * PyTorch and scikit-learn (skl2onnx); widen it only after reviewing the
 * kernel. node/onnx/README.md documents it for model owners.
 */

/** Name of the default ONNX domain in a model; nodes may also spell it `ai.onnx`. */
export const DEFAULT_DOMAIN = '';
/** The traditional-ML domain scikit-learn converters use. */
export const ML_DOMAIN = 'ai.onnx.ml';

/** What one operator set may contribute. */
export interface DomainPolicy {
  /** Lowest and highest accepted opset version, inclusive. */
  readonly minOpset: number;
  readonly maxOpset: number;
  /** Accepted operator types (`op_type`). */
  readonly operators: ReadonlySet<string>;
}

/** Accepted domains by name (`''` for the default domain); any other domain is refused. */
export type OperatorPolicy = ReadonlyMap<string, DomainPolicy>;

const DEFAULT_OPERATORS = [
  // Linear algebra and elementwise arithmetic.
  'Gemm',
  'MatMul',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Sqrt',
  'Exp',
  'Log',
  'Abs',
  'Neg',
  'Reciprocal',
  'Max',
  'Min',
  'Clip',
  'Floor',
  'Ceil',
  'Round',
  'Sign',
  // Activations.
  'Relu',
  'LeakyRelu',
  'Sigmoid',
  'Tanh',
  'Softmax',
  'Softplus',
  'Erf',
  // Comparison, logic and missing values.
  'Greater',
  'GreaterOrEqual',
  'Less',
  'LessOrEqual',
  'Equal',
  'Not',
  'And',
  'Or',
  'Where',
  'IsNaN',
  // Reductions (ArgMax computes skl2onnx's label output).
  'ReduceSum',
  'ReduceMean',
  'ReduceMax',
  'ReduceMin',
  'ArgMax',
  // Shapes, types and constants.
  'Concat',
  'Reshape',
  'Flatten',
  'Identity',
  'Cast',
  'Gather',
  'Slice',
  'Squeeze',
  'Unsqueeze',
  'Transpose',
  'Shape',
  'Constant',
  'ConstantOfShape',
];

const ML_OPERATORS = [
  'LinearClassifier',
  'LinearRegressor',
  'TreeEnsembleClassifier',
  'TreeEnsembleRegressor',
  'Normalizer',
  'Scaler',
  'Imputer',
  'ZipMap',
  'ArrayFeatureExtractor',
];

/**
 * The node's policy: default domain opsets 9–22 (ONNX 1.4 to 1.17, what
 * current PyTorch and skl2onnx write) and `ai.onnx.ml` opsets 1–5 (all that
 * onnxruntime supports; tree ensembles need 4 or lower, since 5 deprecates
 * them for `TreeEnsemble`); the operators above.
 */
export const DEFAULT_OPERATOR_POLICY: OperatorPolicy = new Map([
  [DEFAULT_DOMAIN, { minOpset: 9, maxOpset: 22, operators: new Set(DEFAULT_OPERATORS) }],
  [ML_DOMAIN, { minOpset: 1, maxOpset: 5, operators: new Set(ML_OPERATORS) }],
]);
