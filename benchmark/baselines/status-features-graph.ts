/**
 * The baseline's engineered features as ONNX nodes: the in-graph twin of
 * `statusFeatures`, so a submitted baseline needs nothing but raw measurements.
 */
import { attr } from '../onnx/onnx-attribute.js';
import type { GraphBuilder } from '../onnx/graph-builder.js';
import { STATUS_FEATURES } from '../tasks/growth-status-contract.js';
import { DAYS_PER_YEAR, STATUS_BASE_FEATURES, STATUS_INTERACTIONS } from './status-features.js';
import type { StatusBaseFeature } from './status-features.js';

type InputColumn = (typeof STATUS_FEATURES)[number];

/**
 * Adds nodes computing the engineered features of `inputName` (float32 [N, 6]);
 * returns the name of the float32 [N, F] result, columns as `STATUS_ENGINEERED_FEATURES`.
 */
export function addStatusFeatures(graph: GraphBuilder, inputName: string): string {
  const column = (name: InputColumn): string =>
    graph.op('Gather', [inputName, graph.constant([STATUS_FEATURES.indexOf(name)], 'int64')], {
      axis: attr.int(1),
    });
  const base = baseFeatureNodes(graph, column);
  const interactions = STATUS_INTERACTIONS.map(([a, b]) => graph.op('Mul', [base[a], base[b]]));
  const columns = [...STATUS_BASE_FEATURES.map((name) => base[name]), ...interactions];
  return graph.op('Concat', columns, { axis: attr.int(1) });
}

/** One [N, 1] value per base feature, mirroring `statusFeatures` step by step. */
function baseFeatureNodes(
  graph: GraphBuilder,
  column: (name: InputColumn) => string,
): Record<StatusBaseFeature, string> {
  const scalar = (value: number): string => graph.constant([value], 'float32', []);
  const years = graph.op('Div', [column('age_days'), scalar(DAYS_PER_YEAR)]);
  const logAge = graph.op('Log', [graph.op('Add', [years, scalar(1)])]);
  const logAgeSq = graph.op('Mul', [logAge, logAge]);
  const logWeight = graph.op('Log', [column('weight_kg')]);
  const logStature = graph.op('Log', [column('stature_cm')]);
  const head = column('head_circumference_cm');
  const headMissing = graph.op('IsNaN', [head]);
  return {
    log_age: logAge,
    log_age_sq: logAgeSq,
    log_age_cu: graph.op('Mul', [logAgeSq, logAge]),
    log_weight: logWeight,
    log_stature: logStature,
    log_bmi: graph.op('Sub', [logWeight, graph.op('Mul', [logStature, scalar(2)])]),
    // Where picks 0 for a missing head circumference so the NaN never reaches the MatMul.
    log_head: graph.op('Where', [headMissing, scalar(0), graph.op('Log', [head])]),
    head_missing: graph.op('Cast', [headMissing], { to: attr.elementType('float32') }),
    male: graph.op('Sub', [scalar(2), column('sex')]),
    recumbent: column('recumbent'),
  };
}
