import { buildStatusBaselineOnnx } from '../../benchmark/baselines/build-status-baseline-onnx.js';
import { fitStatusBaseline } from '../../benchmark/baselines/growth-status-baseline.js';
import { scoreWho } from '../../benchmark/growth/score-who.js';
import { generateSimSite } from '../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { GROWTH_STATUS } from '../../benchmark/tasks/growth-status.js';

/**
 * The reference model, fitted like a model owner would: on Sim data from a
 * seed the sites never use, so the demo evaluates it on children it has not seen.
 */
export function fitDemoModel(childrenPerSite: number, seed: string): Uint8Array {
  const parts = Object.values(SIM_SITES).map((spec) =>
    GROWTH_STATUS.buildExamples(
      generateSimSite(spec, { children: childrenPerSite, seed }).cohort,
      scoreWho,
    ),
  );
  const features = concat(
    parts.map((p) => p.features),
    Float32Array,
  );
  // The baseline fitter takes 1/0 labels with −1 for undefined.
  const labels = concat(
    parts.map((p) => Int8Array.from(p.targets, (y) => (Number.isNaN(y) ? -1 : y))),
    Int8Array,
  );
  return buildStatusBaselineOnnx(fitStatusBaseline(features, labels));
}

function concat<T extends Float32Array | Int8Array>(arrays: T[], Type: new (n: number) => T): T {
  const result = new Type(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    result.set(a, offset);
    offset += a.length;
  }
  return result;
}
