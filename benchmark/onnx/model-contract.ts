/**
 * What a task requires of a submitted model's single input and output tensor.
 * Both are float32 and two-dimensional: a dynamic batch dimension (any
 * symbolic name) followed by a fixed number of columns. A task's contract
 * comes from its definition (`modelContractOf` in benchmark/tasks).
 */
/** The tensor names and column counts a model must declare. */
export interface ModelContract {
  /** Name of the one graph input, float32 [N, inputColumns]. */
  readonly inputName: string;
  readonly inputColumns: number;
  /** Name of the graph output that is read, float32 [N, outputColumns]. */
  readonly outputName: string;
  readonly outputColumns: number;
  /**
   * Accept a binary classifier's class-probability pair for a one-column
   * output: when true and `outputColumns` is 1, a float32 [N, 2] output is
   * also accepted and column 1 (the positive class, as scikit-learn orders
   * classes [0, 1]) is read. Off by default; meaningless (and refused as
   * MODEL_CONTRACT_INVALID by the runner) when `outputColumns` is not 1.
   */
  readonly acceptsClassPairs?: boolean;
}
