/**
 * The REST API as data: each route's method, path, who may call it and its
 * handler. The same table mounts the routes and generates `/openapi.json`,
 * so the document cannot drift from what is served.
 */
import type express from 'express';
import type { Request, Response } from 'express';
import { CentileError } from '../../benchmark/errors.js';
import type { Principal } from './authenticate.js';
import { requireRole } from './authenticate.js';

export interface RouteContext<D> {
  readonly deps: D;
  readonly req: Request;
  readonly principal: Principal;
  /** The raw request body (the owner's signature covers exactly these bytes). */
  readonly body: Buffer;
}

export interface Route<D> {
  readonly method: 'get' | 'post';
  /** Express style, e.g. `/v1/rounds/:id`. */
  readonly path: string;
  readonly summary: string;
  /** Who may call it; `public` means anyone. */
  readonly roles: readonly Principal['role'][];
  /** What the body holds, for the document. */
  readonly body?: 'json' | 'envelope';
  /** 201 for creations; 200 otherwise. */
  readonly status?: number;
  handle(context: RouteContext<D>): unknown;
}

/** Mounts `routes` on `app`; handlers may return a value or a promise of one (sent as JSON). */
export function mountRoutes<D>(app: express.Express, deps: D, routes: readonly Route<D>[]): void {
  for (const route of routes) {
    app[route.method](route.path, (req: Request, res: Response, next) => {
      Promise.resolve()
        .then(() => {
          const principal = requireRole(res, ...route.roles);
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          return route.handle({ deps, req, principal, body });
        })
        .then((result) => res.status(route.status ?? 200).json(result))
        .catch(next);
    });
  }
}

/** The request body as JSON, or `REQUEST_BODY_INVALID`. */
export function jsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new CentileError('invalid-input', 'REQUEST_BODY_INVALID', 'the body is not JSON');
  }
}

/** A route parameter that must be present. */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (value === undefined) throw new CentileError('invalid-input', 'PARAMETER_MISSING', name);
  return value;
}

/** An OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: readonly Route<unknown>[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Centile coordinator API',
      version: '1',
      description:
        'Operators use the operator token (Bearer). Model owners sign every request with ' +
        'their Ed25519 key: `Authorization: Centile-Owner key=<keyId>, ts=<unix ms>, ' +
        'sig=<base64 Ed25519 over "centile-request/v1\\nMETHOD\\npath?query\\nts\\nsha256hex(body)">`.',
    },
    components: {
      securitySchemes: {
        operator: { type: 'http', scheme: 'bearer' },
        owner: { type: 'apiKey', in: 'header', name: 'Authorization' },
      },
    },
    paths,
  };
}

function operation(route: Route<unknown>): Record<string, unknown> {
  const parameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const security = route.roles.includes('public')
    ? []
    : route.roles.map((role) => ({ [role]: [] }));
  const body =
    route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content:
              route.body === 'json'
                ? { 'application/json': { schema: { type: 'object' } } }
                : { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        };
  return {
    summary: route.summary,
    security,
    parameters,
    ...body,
    responses: {
      [String(route.status ?? 200)]: { description: 'OK (JSON)' },
      default: { description: 'Error: {"error": {"code", "message"}}' },
    },
  };
}
