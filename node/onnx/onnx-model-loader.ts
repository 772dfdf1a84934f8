import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import type { LoadedModel, ModelLoader } from '../core/ports.js';
import { OnnxScorer } from './onnx-scorer.js';
import type { OnnxScorerOptions } from './parse-scorer-options.js';

/**
 * One fresh runner process per model: a model that hangs, crashes or
 * exhausts memory takes only its own process down. Options are checked on
 * each `load` (SCORER_OPTIONS_INVALID); see OnnxScorer for the codes.
 */
export function createOnnxModelLoader(options: OnnxScorerOptions): ModelLoader {
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
