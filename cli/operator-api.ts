import { readFileSync } from 'node:fs';
import { CentileError } from '../benchmark/errors.js';
import { keyFilePaths, loadIdentity, loadSigningKey } from '../keys/key-files.js';
import { ownerAuthorization } from '../keys/request-signature.js';

/** A model owner's signing credentials (its key files). */
export interface OwnerCredentials {
  readonly name: string;
  readonly keyId: string;
  readonly signSecretKey: Uint8Array;
}

/** Where the coordinator's REST API is, and who calls it: the operator or a model owner. */
export interface ApiTarget {
  readonly baseUrl: string;
  /** The operator token, or undefined when an owner calls. */
  readonly token?: string;
  readonly owner?: OwnerCredentials;
}

/** The operator, with the token read from a file (secrets are files, never arguments). */
export function apiTarget(baseUrl: string, tokenFile: string): ApiTarget {
  let token: string;
  try {
    token = readFileSync(tokenFile, 'utf8').trim();
  } catch {
    throw new CentileError(
      'not-found',
      'TOKEN_FILE_NOT_FOUND',
      'cannot read the operator token file',
    );
  }
  return { baseUrl: trimSlash(baseUrl), token };
}

/** A model owner, with the key files `centile keys init --role owner` wrote to `keysDir`. */
export async function ownerApiTarget(
  baseUrl: string,
  keysDir: string,
  name: string,
): Promise<ApiTarget> {
  const paths = keyFilePaths(keysDir, name);
  const identity = loadIdentity(paths.identityPath);
  if (identity.role !== 'owner') {
    throw new CentileError('invalid-input', 'USAGE', `'${name}' is not an owner identity`);
  }
  const signSecretKey = await loadSigningKey(paths.signKeyPath);
  return { baseUrl: trimSlash(baseUrl), owner: { name, keyId: identity.keyId, signSecretKey } };
}

/** The unauthenticated public, for public routes (leaderboard, published results). */
export function publicApiTarget(baseUrl: string): ApiTarget {
  return { baseUrl: trimSlash(baseUrl) };
}

/** Calls the REST API; a non-2xx answer becomes a CentileError with the server's code. */
export async function callApi<T>(
  target: ApiTarget,
  method: 'GET' | 'POST',
  route: string,
  body?: { json: unknown } | { bytes: Uint8Array },
): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: Uint8Array = new Uint8Array(0);
  if (body !== undefined && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = new TextEncoder().encode(JSON.stringify(body.json));
  } else if (body !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    payload = body.bytes;
  }
  const authorization = await authorize(target, method, route, payload);
  if (authorization !== undefined) headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}${route}`, {
      method,
      headers,
      body: body === undefined ? null : payload,
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new CentileError(
      'unavailable',
      'API_UNREACHABLE',
      `cannot reach the coordinator API at ${target.baseUrl}`,
    );
  }
  const json = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (!response.ok) {
    const code = json.error?.code ?? `HTTP_${response.status}`;
    throw new CentileError('failed-precondition', code, json.error?.message ?? 'request failed');
  }
  return json as T;
}

function authorize(
  target: ApiTarget,
  method: string,
  route: string,
  body: Uint8Array,
): Promise<string | undefined> {
  if (target.owner !== undefined) {
    const { keyId, signSecretKey } = target.owner;
    return ownerAuthorization(keyId, signSecretKey, {
      method,
      pathWithQuery: route,
      body,
      nowMs: Date.now(),
    });
  }
  return Promise.resolve(target.token === undefined ? undefined : `Bearer ${target.token}`);
}

function trimSlash(url: string): string {
  return url.replace(/\/$/, '');
}
