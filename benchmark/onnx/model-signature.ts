/**
 * The declared inputs and outputs of a model, as onnxruntime reports them
 * (`session.inputMetadata`) or as read from the ModelProto. One shape for
 * both so the contract check does not care where it came from.
 */

/** One declared graph input or output. */
export interface ValueSignature {
  readonly name: string;
  /** False for sequences, maps and optionals: never acceptable to a contract. */
  readonly isTensor: boolean;
  /** Element type as onnxruntime names it (`float32`, `int64`, ...); `unknown` for non-tensors. */
  readonly type: string;
  /** Numbers are fixed sizes; strings are symbolic (an empty string when unnamed). */
  readonly shape: readonly (number | string)[];
}

/** Graph inputs (initializers excluded) and outputs, in declaration order. */
export interface ModelSignature {
  readonly inputs: readonly ValueSignature[];
  readonly outputs: readonly ValueSignature[];
}
