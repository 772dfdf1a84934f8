import type { LoadedModel, ModelLoader } from '../core/ports.js';

/**
 * Wraps a model loader so every `score` call of its models is timed, failed
 * ones included. Scores, errors and `close` pass through unchanged, so the
 * task pipeline behaves exactly as with the bare loader.
 */
export function meterModelLoader(
  loader: ModelLoader,
  observeSeconds: (seconds: number) => void,
): ModelLoader {
  return {
    load: async (bytes, contract) => meterModel(await loader.load(bytes, contract), observeSeconds),
  };
}

function meterModel(model: LoadedModel, observeSeconds: (seconds: number) => void): LoadedModel {
  return {
    score: async (input, rows) => {
      const startedMs = performance.now();
      try {
        return await model.score(input, rows);
      } finally {
        observeSeconds((performance.now() - startedMs) / 1000);
      }
    },
    close: () => model.close(),
  };
}
