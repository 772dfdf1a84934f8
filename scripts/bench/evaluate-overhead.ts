/**
 * Local evaluation overhead (issue 4 §6): the time `centile evaluate` spends
 * beyond raw onnxruntime inference on the same tensors — building examples,
 * the isolated runner process and its transfers, exact metrics and the
 * release — must be at most 25 % of that inference, for a 1-million-child
 * Sim cohort (`--full`; 100,000 by default) and an MLP with two hidden layers
 * of 256. File parsing is left out (the ingest cases measure it).
 */
import type { BenchCase, BenchFigure } from './bench-case.js';
import { runProbe } from './run-probe.js';

interface ProbeResult {
  readonly children: number;
  readonly examples: number;
  readonly examplesMs: number;
  readonly runnerMs: number;
  readonly exactMetricsMs: number;
  readonly releaseMs: number;
  readonly endToEndMs: number;
  readonly inferenceMs: number;
  /** One pass over the measurements and the label z-scores (batch): a lower bound on the overhead. */
  readonly leastWorkMs: number;
}

export const evaluateOverhead: BenchCase = {
  name: 'evaluate-overhead',
  title: 'Local evaluation beyond inference (MLP 256×256)',
  async run(context): Promise<BenchFigure> {
    const children = context.full ? 1_000_000 : 100_000;
    context.log(
      `evaluating a ${children.toLocaleString('en')}-child Sim cohort in a fresh process`,
    );
    const probe = await runProbe<ProbeResult>('evaluate-overhead-probe.ts', [String(children)]);
    const overhead = (probe.endToEndMs - probe.inferenceMs) / probe.inferenceMs;
    return {
      value: overhead * 100,
      unit: '% of inference',
      target: 25,
      better: 'lower',
      floor: {
        what: 'raw onnxruntime inference on the same tensors',
        value: probe.inferenceMs / 1000,
        unit: 's',
        ratio: probe.endToEndMs / probe.inferenceMs,
      },
      details: {
        ...probe,
        leastWorkPercentOfInference: (100 * probe.leastWorkMs) / probe.inferenceMs,
      },
    };
  },
};
