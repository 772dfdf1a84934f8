import {
  asObject,
  parseJsonBody,
  readInteger,
  readIntegerArray,
  readLiteral,
  readString,
} from './fields.js';

/**
 * The signed body of a release, node → coordinator. Everything needed to check
 * the privacy claim travels with it: mechanism, σ², sensitivity and ρ as exact
 * rationals. The statistics are noisy integers; nothing here is patient-level.
 */
export type ReleaseBody = {
  readonly type: 'release';
  readonly version: 1;
  readonly task_id: string;
  readonly round_id: string;
  readonly node_id: string;
  readonly model_digest: string;
  readonly benchmark_task: string;
  readonly scorer_version: string;
  readonly dataset: string;
  /** Keyed hash naming the privacy population; not a hash of the data. */
  readonly dataset_lineage: string;
  readonly privacy: {
    readonly mechanism: 'discrete_gaussian';
    readonly sigma2: string;
    readonly l2_sensitivity_squared: string;
    readonly rho: string;
  };
  /**
   * Flat noisy cell vector in the task's layout (`layout` is the task key; see
   * task-release.ts), with the blocks the site suppressed as too small zeroed
   * and listed by index (see release-blocks.ts).
   */
  readonly statistics: {
    readonly layout: string;
    readonly cells: readonly number[];
    readonly suppressed: readonly number[];
  };
  /** The dataset's budget after this release, when the site chooses to publish it. */
  readonly budget?: PublishedBudget;
  readonly created_at_ms: number;
};

/** A site's budget as it publishes it: exact ρ as "p/q" strings. */
export type PublishedBudget = { readonly total_rho: string; readonly remaining_rho: string };

const CODE = 'RELEASE_MALFORMED';
/** Far above any catalog task's vector; the coordinator checks the exact length per task. */
const MAX_RELEASE_CELLS = 1_000_000;

/** Signed release bytes → `ReleaseBody`, or throws `RELEASE_MALFORMED`. */
export function decodeReleaseBody(bytes: Uint8Array): ReleaseBody {
  return parseReleaseBody(parseJsonBody(bytes, CODE));
}

/** Untrusted JSON → `ReleaseBody`, or throws `RELEASE_MALFORMED` naming the field. */
export function parseReleaseBody(json: unknown): ReleaseBody {
  const obj = asObject(json, CODE);
  const privacy = asObject(obj.privacy, CODE, 'privacy');
  const statistics = asObject(obj.statistics, CODE, 'statistics');
  return {
    type: readLiteral(obj, 'type', 'release', CODE),
    version: readLiteral(obj, 'version', 1, CODE),
    task_id: readString(obj, 'task_id', CODE),
    round_id: readString(obj, 'round_id', CODE),
    node_id: readString(obj, 'node_id', CODE),
    model_digest: readString(obj, 'model_digest', CODE),
    benchmark_task: readString(obj, 'benchmark_task', CODE),
    scorer_version: readString(obj, 'scorer_version', CODE),
    dataset: readString(obj, 'dataset', CODE),
    dataset_lineage: readString(obj, 'dataset_lineage', CODE),
    privacy: {
      mechanism: readLiteral(privacy, 'mechanism', 'discrete_gaussian', CODE),
      sigma2: readString(privacy, 'sigma2', CODE),
      l2_sensitivity_squared: readString(privacy, 'l2_sensitivity_squared', CODE),
      rho: readString(privacy, 'rho', CODE),
    },
    statistics: {
      layout: readString(statistics, 'layout', CODE),
      cells: readIntegerArray(statistics, 'cells', CODE, MAX_RELEASE_CELLS),
      suppressed: readIntegerArray(statistics, 'suppressed', CODE, MAX_RELEASE_CELLS),
    },
    ...(obj.budget === undefined ? {} : { budget: readBudget(obj.budget) }),
    created_at_ms: readInteger(obj, 'created_at_ms', CODE),
  };
}

function readBudget(value: unknown): PublishedBudget {
  const budget = asObject(value, CODE, 'budget');
  return {
    total_rho: readString(budget, 'total_rho', CODE),
    remaining_rho: readString(budget, 'remaining_rho', CODE),
  };
}
