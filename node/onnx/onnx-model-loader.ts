import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import type { LoadedModel, ModelLoader } from '../core/ports.js';
import { OnnxScorer } from './onnx-scorer.js';

/** One fresh worker per model: a model that hangs or crashes takes only its own worker down. */
export function createOnnxModelLoader(options: {
  timeoutMs: number;
  maxModelBytes: number;
}): ModelLoader {
  return {
    async load(bytes: Uint8Array, contract: ModelContract): Promise<LoadedModel> {
      const scorer = await OnnxScorer.create(options);
      try {
        await scorer.load(bytes, contract);
      } catch (error) {
        await scorer.close();
        throw error;
      }
      return { score: (input, rows) => scorer.score(input, rows), close: () => scorer.close() };
    },
  };
}
