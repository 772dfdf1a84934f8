import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import { groupedBinaryOutcomes } from '../../../../benchmark/metrics/grouped-binary.js';
import { countConfusion } from '../../../../benchmark/metrics/threshold-metrics.js';
import { binaryCase, GROUP_COUNT, membershipOf, pick, rowsOf } from './grouped-fixtures.js';

const CASES = [
  ['empty', 0, 10],
  ['one', 1, 10],
  ['tiny', 7, 2],
  ['ties', 500, 4],
  ['grid', 3000, 20],
  ['fine', 20000, 1 << 20],
] as const;

describe('groupedBinaryOutcomes', () => {
  for (const [seed, n, levels] of CASES) {
    for (const precision of ['float64', 'float32'] as const) {
      it(`${seed} (${precision}): each group equals binaryMetrics of its own rows, bit for bit`, () => {
        const c = binaryCase(seed, n, levels);
        const scores = precision === 'float32' ? Float32Array.from(c.scores) : c.scores;
        const outcomes = groupedBinaryOutcomes(c.labels, scores, membershipOf(c.cellOf), 0.5);
        assert.equal(outcomes.length, GROUP_COUNT);
        outcomes.forEach((outcome, group) => {
          const rows = rowsOf(c.cellOf, group);
          const [labels, groupScores] = [pick(c.labels, rows), pick(scores, rows)];
          assert.deepEqual(outcome.metrics, binaryMetrics(labels, groupScores), `group ${group}`);
          assert.deepEqual(outcome.counts, countConfusion(labels, groupScores, 0.5));
        });
      });
    }
  }

  it('covers empty and one-class groups', () => {
    const c = binaryCase('grid', 3000, 20);
    const outcomes = groupedBinaryOutcomes(c.labels, c.scores, membershipOf(c.cellOf), 0.5);
    assert.equal(outcomes[4]?.metrics.n, 0);
    assert.equal(outcomes[4]?.metrics.accuracy, null);
    assert.ok((outcomes[3]?.metrics.n ?? 0) > 0);
    assert.equal(outcomes[3]?.metrics.positives, 0);
    assert.equal(outcomes[3]?.metrics.auroc, null);
    assert.notEqual(outcomes[0]?.metrics.auroc, null);
  });

  it('uses the threshold given', () => {
    const c = binaryCase('ties', 500, 4);
    const outcomes = groupedBinaryOutcomes(c.labels, c.scores, membershipOf(c.cellOf), 0.75);
    assert.deepEqual(outcomes[0]?.counts, countConfusion(c.labels, c.scores, 0.75));
  });

  it('refuses invalid labels, scores and memberships', () => {
    const c = binaryCase('tiny', 7, 2);
    const refused = (run: () => unknown) =>
      assert.throws(run, (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'));
    const membership = membershipOf(c.cellOf);
    refused(() =>
      groupedBinaryOutcomes(Uint8Array.of(2, 0, 0, 0, 0, 0, 0), c.scores, membership, 0.5),
    );
    refused(() =>
      groupedBinaryOutcomes(
        c.labels,
        c.scores.map(() => NaN),
        membership,
        0.5,
      ),
    );
    refused(() =>
      groupedBinaryOutcomes(c.labels, c.scores, membershipOf(c.cellOf.subarray(1)), 0.5),
    );
    refused(() =>
      groupedBinaryOutcomes(c.labels, c.scores, membershipOf(c.cellOf.map(() => 6)), 0.5),
    );
    const outOfRange = { ...membership, groupCount: 6 };
    refused(() => groupedBinaryOutcomes(c.labels, c.scores, outOfRange, 0.5));
    const twice = {
      ...membership,
      cellGroups: membership.cellGroups.map((g, k) => (k % 3 ? g : 1)),
    };
    refused(() => groupedBinaryOutcomes(c.labels, c.scores, twice, 0.5));
  });
});
