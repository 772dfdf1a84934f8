import * as grpc from '@grpc/grpc-js';
import type { GrpcServerMetrics } from './coordinator-metrics.js';

/**
 * A grpc-js server interceptor recording every call once, as the usual gRPC
 * server metrics do: with the status its handler sent, or as CANCELLED when
 * the call ended with no status sent (the client cancelled or the network
 * dropped before the handler answered). It sees every registered method in
 * one place, so no handler needs instrumenting; unknown methods are answered
 * UNIMPLEMENTED by grpc-js before interceptors run, which keeps the method
 * label bounded.
 */
export function createGrpcMetricsInterceptor(metrics: GrpcServerMetrics): grpc.ServerInterceptor {
  return (method, call) => {
    const startedMs = performance.now();
    let recorded = false;
    const record = (code: grpc.status): void => {
      if (recorded) return;
      recorded = true;
      metrics.observe(method.path, statusName(code), (performance.now() - startedMs) / 1000);
    };
    return new grpc.ServerInterceptingCall(call, {
      // grpc-js calls onCancel at the end of every call, after any status:
      // it only counts when no status came first.
      start: (next) => next({ onCancel: () => record(grpc.status.CANCELLED) }),
      sendStatus: (status, next) => {
        record(status.code);
        next(status);
      },
    });
  };
}

/** `OK`, `UNAUTHENTICATED`, …: the names Prometheus users expect in a `code` label. */
export function statusName(code: number): string {
  return (grpc.status as Record<number, string | undefined>)[code] ?? 'UNKNOWN';
}
