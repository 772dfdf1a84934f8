import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { loadFederationProto } from '../../proto/load-federation.js';
import type { FederationHandlers } from '../../proto/gen/centile/v1/Federation.js';

export interface GrpcServerOptions {
  readonly host: string;
  readonly port: number;
  readonly certFile: string;
  readonly keyFile: string;
  readonly handlers: FederationHandlers;
  /** Run around every call, e.g. for metrics (coordinator/ops). */
  readonly interceptors?: readonly grpc.ServerInterceptor[];
}

/** Starts the TLS gRPC server (server-authenticated); resolves with the bound port. */
export async function startGrpcServer(
  options: GrpcServerOptions,
): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': 8 * 1024 * 1024,
    interceptors: [...(options.interceptors ?? [])],
  });
  server.addService(loadFederationProto().centile.v1.Federation.service, options.handlers);
  const credentials = grpc.ServerCredentials.createSsl(null, [
    { cert_chain: readFileSync(options.certFile), private_key: readFileSync(options.keyFile) },
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, credentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return { server, port };
}
