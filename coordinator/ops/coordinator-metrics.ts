import { Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';
import type { Registry } from 'prom-client';
import type { RoundState, TaskState } from '../core/records.js';

/** What the coordinator's gauges read at scrape time, so they are right after a restart. */
export interface CoordinatorMetricsSource {
  /** Rows of `rounds` or `tasks` per state in the store. */
  countByState(table: 'rounds' | 'tasks'): ReadonlyMap<string, number>;
  /** Releases accepted and stored since the database was created. */
  countReleases(): number;
  /** Nodes with an authenticated Connect stream now. */
  connectedNodes(): number;
}

/** Records one finished gRPC call: full method path, status name, duration in seconds. */
export interface GrpcServerMetrics {
  observe(method: string, code: string, seconds: number): void;
}

// Object keys checked against the union: a new state fails to compile until listed here.
const ROUND_STATES = Object.keys({ running: 0, complete: 0, failed: 0 } satisfies Record<
  RoundState,
  0
>);
const TASK_STATES = Object.keys({
  pending: 0,
  running: 0,
  done: 0,
  refused: 0,
  failed: 0,
  timed_out: 0,
  offline: 0,
} satisfies Record<TaskState, 0>);

/**
 * Seconds. A Connect call lasts as long as the node's session (hours), a
 * FetchModel call as long as one download, so the buckets span both.
 */
const GRPC_HANDLING_BUCKETS_S = [
  0.005,
  0.025,
  0.1,
  0.5,
  1,
  5,
  30,
  120,
  600,
  3600,
  6 * 3600,
  24 * 3600,
];

/**
 * Registers the coordinator's metrics on `registry` (one per process, never
 * prom-client's global one). Labels are bounded: gRPC method paths of the
 * one service, status names, and the closed sets of round and task states;
 * never node, round or task ids.
 */
export function createCoordinatorMetrics(
  registry: Registry,
  source: CoordinatorMetricsSource,
): GrpcServerMetrics {
  collectDefaultMetrics({ register: registry });
  const handled = new Counter({
    name: 'centile_grpc_server_handled_total',
    help: 'gRPC calls completed on the server, by full method path and status code name.',
    labelNames: ['method', 'code'] as const,
    registers: [registry],
  });
  const handling = new Histogram({
    name: 'centile_grpc_server_handling_seconds',
    help: 'Duration of gRPC calls on the server (a Connect call lasts the whole node session).',
    labelNames: ['method'] as const,
    buckets: GRPC_HANDLING_BUCKETS_S,
    registers: [registry],
  });
  registerStateGauge(registry, 'centile_rounds', 'Rounds by state.', ROUND_STATES, () =>
    source.countByState('rounds'),
  );
  registerStateGauge(registry, 'centile_tasks', 'Tasks by state.', TASK_STATES, () =>
    source.countByState('tasks'),
  );
  registerStoreCounters(registry, source);
  return {
    observe: (method, code, seconds) => {
      handled.inc({ method, code });
      handling.observe({ method }, seconds);
    },
  };
}

/** A gauge with one series per known state, read from the store at scrape time. */
function registerStateGauge(
  registry: Registry,
  name: string,
  help: string,
  states: readonly string[],
  count: () => ReadonlyMap<string, number>,
): void {
  new Gauge({
    name,
    help: `${help} Read from the store at scrape time.`,
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      // An unreadable store shows as missing series (and a failing /readyz), never stale values.
      this.reset();
      const counts = readOrUndefined(count);
      if (counts === undefined) return;
      for (const state of states) this.set({ state }, counts.get(state) ?? 0);
    },
  });
}

function registerStoreCounters(registry: Registry, source: CoordinatorMetricsSource): void {
  new Counter({
    name: 'centile_releases_accepted_total',
    help: 'Signed releases verified and stored. Counted in the store, so it survives restarts.',
    registers: [registry],
    collect() {
      this.reset();
      const stored = readOrUndefined(() => source.countReleases());
      if (stored !== undefined) this.inc(stored);
    },
  });
  new Gauge({
    name: 'centile_connected_nodes',
    help: 'Nodes with an authenticated Connect stream.',
    registers: [registry],
    collect() {
      this.set(source.connectedNodes());
    },
  });
}

function readOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
