/**
 * The scikit-learn reference vectors of test/fixtures/metric-vectors/, read
 * with the simplest possible parser (the files are plain `a,b,group` CSV), so
 * that the tests of the metrics do not depend on the command's reader.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the fixtures. */
export const METRIC_VECTORS_DIR = fileURLToPath(
  new URL('../../../fixtures/metric-vectors/', import.meta.url),
);

export type ExpectedMetrics = Record<string, number | null>;

export interface MetricVectorCase {
  readonly name: string;
  readonly kind: 'binary' | 'regression';
  readonly all: ExpectedMetrics;
  readonly groups: Record<string, ExpectedMetrics>;
  /** The CSV's columns: label or target, score or prediction, group. */
  readonly truth: Float64Array;
  readonly output: Float64Array;
  readonly group: readonly string[];
}

interface ExpectedFile {
  cases: Record<string, Omit<MetricVectorCase, 'name' | 'truth' | 'output' | 'group'>>;
}

/** Every case of expected.json with its CSV's columns. */
export function loadMetricVectorCases(): MetricVectorCase[] {
  const expected = JSON.parse(
    readFileSync(`${METRIC_VECTORS_DIR}expected.json`, 'utf8'),
  ) as ExpectedFile;
  return Object.entries(expected.cases).map(([name, c]) => {
    const [header, ...lines] = readFileSync(`${METRIC_VECTORS_DIR}${name}.csv`, 'utf8')
      .trim()
      .split('\n');
    const rows = lines.map((line) => line.split(','));
    assert.equal(header, c.kind === 'binary' ? 'label,score,group' : 'target,prediction,group');
    return {
      name,
      ...c,
      truth: Float64Array.from(rows, (r) => Number(r[0])),
      output: Float64Array.from(rows, (r) => Number(r[1])),
      group: rows.map((r) => r[2] ?? ''),
    };
  });
}

/**
 * Asserts that `actual` has exactly the keys of `expected`, in order, each
 * within 1e-9 (or both `null`).
 */
export function assertMetricsEqual(actual: object, expected: ExpectedMetrics, where: string) {
  const values = actual as Record<string, unknown>;
  assert.deepEqual(Object.keys(values), Object.keys(expected), `${where}: keys`);
  for (const [key, want] of Object.entries(expected)) {
    const got = values[key];
    if (want === null || got === null) {
      assert.equal(got, want, `${where}.${key}`);
      continue;
    }
    assert.equal(typeof got, 'number', `${where}.${key}`);
    assert.ok(
      Math.abs((got as number) - want) <= 1e-9,
      `${where}.${key}: ${got as number} vs ${want}`,
    );
  }
}
