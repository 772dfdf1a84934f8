import { MeasurementKind } from '../../benchmark/cohort.js';
import { CohortBuilder } from '../../benchmark/cohort-builder.js';
import { CentileError } from '../../benchmark/errors.js';
import { scoreWho } from '../../benchmark/growth/score-who.js';
import type { BudgetStatus, ReserveRequest } from '../../benchmark/privacy/budget-ledger.js';
import { sumRho } from '../../benchmark/privacy/accounting.js';
import { createRational } from '../../benchmark/privacy/rational.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import type {
  BudgetLedgerPort,
  CohortSource,
  LoadedModel,
  ModelLoader,
  SeenTasks,
  Signed,
} from '../../node/core/ports.js';

/** An in-memory ledger that records what was reserved, for unit tests of pure code. */
export class MemoryLedger implements BudgetLedgerPort {
  readonly reserved: ReserveRequest[] = [];
  readonly releases = new Map<string, Signed>();

  reserve(request: ReserveRequest): void {
    if (this.isReserved(request.requestId))
      throw new CentileError('conflict', 'REQUEST_REPLAYED', 'replayed');
    this.reserved.push(request);
  }
  commit(requestId: string, release: Signed): void {
    this.releases.set(requestId, release);
  }
  findRelease(requestId: string): Signed | undefined {
    return this.releases.get(requestId);
  }
  isReserved(requestId: string): boolean {
    return this.reserved.some((r) => r.requestId === requestId);
  }
  status(): BudgetStatus {
    const spentRho = sumRho(this.reserved.map((r) => r.rho));
    return { totalRho: createRational(1n), spentRho, remainingRho: createRational(0n) };
  }
}

export class MemorySeenTasks implements SeenTasks {
  private readonly byTask = new Map<string, string>();
  check(taskId: string, nonce: string): 'new' | 'same' | 'replayed' {
    const known = this.byTask.get(taskId);
    if (known !== undefined) return known === nonce ? 'same' : 'replayed';
    return [...this.byTask.values()].includes(nonce) ? 'replayed' : 'new';
  }
  remember(taskId: string, nonce: string): void {
    this.byTask.set(taskId, nonce);
  }
}

/** A few children with growth data, in one dataset named `growth`. */
export function tinyCohorts(): CohortSource {
  const b = new CohortBuilder();
  for (let i = 0; i < 20; i++) {
    const c = b.addChild({ id: `child-${i}`, sex: i % 2 === 0 ? 1 : 2, birthDay: 18_000 });
    b.addMeasurement({
      childIndex: c,
      ageDays: 300 + i * 30,
      kind: MeasurementKind.weight,
      value: 6 + i * 0.2,
    });
    b.addMeasurement({
      childIndex: c,
      ageDays: 300 + i * 30,
      kind: MeasurementKind.length,
      value: 64 + i * 0.6,
    });
  }
  const cohort = b.build();
  return {
    names: () => ['growth'],
    cohort: (n) => (n === 'growth' ? cohort : undefined),
    lineage: () => 'lineage-test',
  };
}

/** A model loader whose model predicts a constant, or refuses as a mismatched model would. */
export function fakeModels(behaviour: 'constant' | 'mismatch'): ModelLoader & { loads: number } {
  const loader = {
    loads: 0,
    load(): Promise<LoadedModel> {
      loader.loads++;
      if (behaviour === 'mismatch') {
        return Promise.reject(
          new CentileError('invalid-input', 'MODEL_INPUT_MISMATCH', 'wrong inputs'),
        );
      }
      return Promise.resolve({
        score: (_input: Float32Array, rows: number) =>
          Promise.resolve(new Float32Array(rows * 6).fill(0.25)),
        close: () => Promise.resolve(),
      });
    },
  };
  return loader;
}

export { scoreWho };

/** A valid task body for node `site-a`, overridable field by field. */
export function taskBody(overrides: Partial<TaskBody> = {}): TaskBody {
  const now = Date.now();
  return {
    type: 'evaluation_task',
    version: 1,
    task_id: 'task-1',
    round_id: 'round-1',
    node_id: 'site-a',
    benchmark_task: 'growth.status/v1',
    dataset: 'growth',
    model: {
      digest: 'ab'.repeat(32),
      owner: 'owner-a',
      owner_sign_key: 'AA'.repeat(22),
      envelope_digest: 'cd'.repeat(32),
      size_bytes: 10,
      name: 'm',
    },
    privacy: { mechanism: 'discrete_gaussian', rho: '0.05' },
    issued_at_ms: now,
    deadline_ms: now + 60_000,
    nonce: 'nonce-1',
    coordinator_key_id: 'k',
    ...overrides,
  };
}
