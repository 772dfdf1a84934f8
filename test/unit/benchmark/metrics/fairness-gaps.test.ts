import { strict as assert } from 'node:assert';
import type { BinaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import {
  binaryFairnessGaps,
  regressionFairnessGaps,
} from '../../../../benchmark/metrics/fairness-gaps.js';
import type { BinaryGroupOutcome } from '../../../../benchmark/metrics/fairness-gaps.js';
import type { RegressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';

/** A group with the given confusion counts and AUROC (other metrics do not enter the gaps). */
function group(tp: number, fp: number, tn: number, fn: number, auroc: number | null) {
  const positives = tp + fn;
  const metrics = {
    n: tp + fp + tn + fn,
    positives,
    recall: positives > 0 ? tp / positives : 0,
    auroc,
  } as BinaryMetrics;
  const counts = { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn };
  return { metrics, counts } satisfies BinaryGroupOutcome;
}

function regression(mae: number, bias: number): RegressionMetrics {
  return { n: 10, mae, rmse: mae, mape: 0, bias };
}

describe('fairness gaps', () => {
  it('takes max − min of positive-prediction rate, recall and AUROC, and the worst groups', () => {
    const gaps = binaryFairnessGaps([
      group(8, 2, 8, 2, 0.9), // predicts 10/20 positive, recall 0.8
      group(3, 1, 10, 6, 0.7), // 4/20, recall 1/3
      group(5, 0, 15, 0, 0.8), // 5/20, recall 1
    ]);
    assert.deepEqual(gaps, {
      demographic_parity_difference: 0.5 - 0.2,
      equal_opportunity_difference: 1 - 1 / 3,
      auroc_gap: 0.9 - 0.7,
      worst_group_auroc: 0.7,
      worst_group_recall: 1 / 3,
    });
  });

  it('leaves out a group without positives, whose recall is undefined (not 0)', () => {
    const gaps = binaryFairnessGaps([
      group(4, 1, 5, 0, 0.75),
      group(2, 0, 8, 2, 0.6),
      group(0, 3, 7, 0, null),
    ]);
    assert.equal(gaps.equal_opportunity_difference, 1 - 0.5);
    assert.equal(gaps.worst_group_recall, 0.5);
    assert.ok(Math.abs((gaps.auroc_gap as number) - 0.15) < 1e-15);
    assert.ok(Math.abs((gaps.demographic_parity_difference as number) - (0.5 - 2 / 12)) < 1e-15);
  });

  it('has no gap with fewer than two groups defining the rate', () => {
    const gaps = binaryFairnessGaps([group(4, 1, 5, 1, 0.8), group(0, 1, 9, 0, null)]);
    assert.equal(gaps.equal_opportunity_difference, null);
    assert.equal(gaps.auroc_gap, null);
    assert.equal(gaps.worst_group_auroc, 0.8);
    assert.ok(gaps.demographic_parity_difference !== null);
    assert.deepEqual(binaryFairnessGaps([group(1, 1, 1, 1, 0.5)]), {
      demographic_parity_difference: null,
      equal_opportunity_difference: null,
      auroc_gap: null,
      worst_group_auroc: 0.5,
      worst_group_recall: 0.5,
    });
  });

  it('reports the worst MAE and the MAE and bias gaps of regression groups', () => {
    assert.deepEqual(
      regressionFairnessGaps([regression(1, -0.5), regression(3, 1), regression(2, 0)]),
      {
        worst_group_mae: 3,
        mae_gap: 2,
        bias_gap: 1.5,
      },
    );
    assert.deepEqual(regressionFairnessGaps([regression(2, 1)]), {
      worst_group_mae: 2,
      mae_gap: null,
      bias_gap: null,
    });
  });
});
