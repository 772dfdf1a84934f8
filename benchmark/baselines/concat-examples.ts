/**
 * Joins the examples of several cohorts (e.g. one per Sim site) into one
 * training set, rows in the order given.
 */
import type { TaskExamples } from '../tasks/task-definition.js';

/** The rows of every part, in order; all parts must come from the same task. */
export function concatExamples(parts: readonly TaskExamples[]): TaskExamples {
  const rows = parts.reduce((sum, part) => sum + part.rows, 0);
  const features = new Float32Array(parts.reduce((sum, part) => sum + part.features.length, 0));
  const targets = new Float64Array(parts.reduce((sum, part) => sum + part.targets.length, 0));
  const subgroups = new Uint8Array(rows);
  let at = { features: 0, targets: 0, rows: 0 };
  for (const part of parts) {
    features.set(part.features, at.features);
    targets.set(part.targets, at.targets);
    subgroups.set(part.subgroups, at.rows);
    at = {
      features: at.features + part.features.length,
      targets: at.targets + part.targets.length,
      rows: at.rows + part.rows,
    };
  }
  return { rows, features, targets, subgroups };
}
