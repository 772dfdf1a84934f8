import { Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';
import type { Registry } from 'prom-client';
import type { Rational } from '../../benchmark/privacy/rational.js';
import type { TaskOutcome } from '../core/task-handler.js';

/** A dataset's budget as floats: approximate displays of the ledger's exact rationals. */
export interface BudgetDisplay {
  readonly dataset: string;
  readonly spentRho: number;
  readonly totalRho: number;
}

/** What the node's gauges read at scrape time. */
export interface NodeMetricsSource {
  /** Budgets of datasets whose ledger is usable; a refusing ledger is left out. */
  budgets(): readonly BudgetDisplay[];
  /** Whether the coordinator stream is authenticated now. */
  connected(): boolean;
}

/** What the node records as it works. */
export interface NodeMetrics {
  countTask(outcome: TaskOutcome): void;
  observeInferenceSeconds(seconds: number): void;
}

/** Seconds: model scoring of one task, from a few rows to a large cohort. */
const INFERENCE_BUCKETS_S = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * Distinct error codes kept as label values; later ones read `OTHER`. Codes
 * are the node's own constants, but a bound keeps the series count fixed
 * whatever a future code path does.
 */
export const MAX_CODE_LABELS = 40;

const CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Registers the node's metrics on `registry` (one per process, never
 * prom-client's global one). Labels: task outcome, error code (bounded),
 * dataset name (from the config); never task ids, owners or data values.
 */
export function createNodeMetrics(registry: Registry, source: NodeMetricsSource): NodeMetrics {
  collectDefaultMetrics({ register: registry });
  const tasks = new Counter({
    name: 'centile_node_tasks_total',
    help: 'Tasks finished, by outcome (release, refused, failed) and error code (none for releases).',
    labelNames: ['outcome', 'code'] as const,
    registers: [registry],
  });
  const inference = new Histogram({
    name: 'centile_node_inference_seconds',
    help: "Time to score one task's examples with the model (runner process round trips included).",
    buckets: INFERENCE_BUCKETS_S,
    registers: [registry],
  });
  registerStateGauges(registry, source);
  const codes = createCodeLabels(MAX_CODE_LABELS);
  return {
    countTask: (outcome) => {
      if (outcome.kind === 'ignored') return;
      const code = outcome.kind === 'release' ? 'none' : codes(outcome.code);
      tasks.inc({ outcome: outcome.kind, code });
    },
    observeInferenceSeconds: (seconds) => inference.observe(seconds),
  };
}

function registerStateGauges(registry: Registry, source: NodeMetricsSource): void {
  const approximate = "per dataset: an approximate float display of the ledger's exact rational.";
  registerBudgetGauge(
    registry,
    'centile_node_budget_spent_rho',
    `zCDP rho spent (reservations included) ${approximate}`,
    source,
    (b) => b.spentRho,
  );
  registerBudgetGauge(
    registry,
    'centile_node_budget_total_rho',
    `zCDP rho allowed in total ${approximate}`,
    source,
    (b) => b.totalRho,
  );
  new Gauge({
    name: 'centile_node_connected',
    help: '1 while the authenticated stream to the coordinator is up, else 0.',
    registers: [registry],
    collect() {
      this.set(source.connected() ? 1 : 0);
    },
  });
}

/** A gauge per dataset, read from the ledgers at scrape time. */
function registerBudgetGauge(
  registry: Registry,
  name: string,
  help: string,
  source: NodeMetricsSource,
  pick: (budget: BudgetDisplay) => number,
): void {
  new Gauge({
    name,
    help,
    labelNames: ['dataset'] as const,
    registers: [registry],
    collect() {
      // A ledger that stops answering drops its series (and fails /readyz), never shows stale values.
      this.reset();
      for (const budget of readBudgets(source)) this.set({ dataset: budget.dataset }, pick(budget));
    },
  });
}

function readBudgets(source: NodeMetricsSource): readonly BudgetDisplay[] {
  try {
    return source.budgets();
  } catch {
    return [];
  }
}

/** Maps an error code to a label value: well-formed and among the first `max` seen, or `OTHER`. */
export function createCodeLabels(max: number): (code: string) => string {
  const seen = new Set<string>();
  return (code) => {
    if (!CODE_SHAPE.test(code)) return 'OTHER';
    if (seen.has(code)) return code;
    if (seen.size >= max) return 'OTHER';
    seen.add(code);
    return code;
  };
}

/**
 * A float display of an exact rational (1/10 shows as 0.1). The quotient is
 * taken with 128 fractional bits and rounded once by `Number`, so it is the
 * nearest float (up to ties) for any ρ a ledger holds.
 */
export function toDisplayFloat(r: Rational): number {
  return Number((r.num << DISPLAY_BITS) / r.den) / 2 ** Number(DISPLAY_BITS);
}

const DISPLAY_BITS = 128n;
