import { readFileSync } from 'node:fs';
import { CentileError } from '../benchmark/errors.js';

/** Where the coordinator's REST API is and the operator credential to use. */
export interface ApiTarget {
  readonly baseUrl: string;
  readonly token: string;
}

/** Reads the operator token from a file (secrets are files, never arguments). */
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
  return { baseUrl: baseUrl.replace(/\/$/, ''), token };
}

/** Calls the REST API; a non-2xx answer becomes a CentileError with the server's code. */
export async function callApi<T>(
  target: ApiTarget,
  method: 'GET' | 'POST',
  route: string,
  body?: { json: unknown } | { bytes: Uint8Array },
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` };
  let payload: string | Uint8Array | undefined;
  if (body !== undefined && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    payload = body.bytes;
  }
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}${route}`, {
      method,
      headers,
      body: payload ?? null,
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
