import { CentileError } from '../errors.js';

/** Reading fields of untrusted JSON objects: every miss is a coded error naming the field. */
export type JsonObject = Readonly<Record<string, unknown>>;

function invalid(code: string, field: string): CentileError {
  return new CentileError('invalid-input', code, `field '${field}' is missing or malformed`);
}

/** JSON of signed body bytes, or a CentileError with `code` (never a raw SyntaxError). */
export function parseJsonBody(bytes: Uint8Array, code: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new CentileError('invalid-input', code, 'body is not UTF-8 JSON');
  }
}

/** `value` as an object, or throws `code`. */
export function asObject(value: unknown, code: string, field = 'body'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(code, field);
  return value as JsonObject;
}

export function readString(obj: JsonObject, key: string, code: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > 512)
    throw invalid(code, key);
  return value;
}

export function readInteger(obj: JsonObject, key: string, code: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(code, key);
  return value;
}

export function readLiteral<T extends string | number>(
  obj: JsonObject,
  key: string,
  expected: T,
  code: string,
): T {
  if (obj[key] !== expected) throw invalid(code, key);
  return expected;
}

export function readIntegerArray(
  obj: JsonObject,
  key: string,
  code: string,
  maxLength: number,
): number[] {
  const value = obj[key];
  if (!Array.isArray(value) || value.length > maxLength) throw invalid(code, key);
  if (!value.every((v) => typeof v === 'number' && Number.isSafeInteger(v)))
    throw invalid(code, key);
  return value as number[];
}

export function readStringArray(obj: JsonObject, key: string, code: string): string[] {
  const value = obj[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    throw invalid(code, key);
  }
  return value as string[];
}
