import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { failingChecks } from '../../benchmark/readiness.js';
import type { ReadinessCheck } from '../../benchmark/readiness.js';

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly registry: Registry;
  readonly checks: readonly ReadinessCheck[];
  readonly log: Logger;
}

/** The node's ops endpoint, listening. */
export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A tiny HTTP server for the site's monitoring: `/healthz` (the process
 * answers), `/readyz` (200, or 503 naming what is not ready) and `/metrics`
 * (Prometheus text). GET only, no body read, nothing else served: it carries
 * counts, timings and budget figures, never patient data or key material.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = createServer((req, res) => respond(options, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  options.log.info({ host: options.host, port }, 'ops endpoint listening');
  return { port, close: () => closeServer(server) };
}

function respond(options: OpsServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const pathname = new URL(req.url ?? '/', 'http://ops.invalid').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
  switch (pathname) {
    case '/healthz':
      return send(res, 200, { ok: true });
    case '/readyz': {
      const notReady = failingChecks(options.checks);
      return send(res, notReady.length === 0 ? 200 : 503, {
        ready: notReady.length === 0,
        notReady,
      });
    }
    case '/metrics':
      options.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'content-type': options.registry.contentType });
          res.end(text);
        })
        .catch((error: unknown) => {
          options.log.error({ err: error }, 'metrics collection failed');
          send(res, 500, { ok: false });
        });
      return;
    default:
      return send(res, 404, { ok: false });
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A scrape still in progress must not hold up shutdown.
    server.closeAllConnections();
  });
}
