/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no insignificant
 * whitespace, integers only (no floats: a float's text form is not canonical
 * across languages, so exact values travel as decimal strings). Signatures and
 * hash chains cover these exact bytes, never a re-serialisation.
 */

/** A value that has one canonical text form. */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

/** Canonical text of `value`; throws on non-integer numbers and unsupported types. */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new TypeError('canonical JSON holds safe integers only');
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
  }
  return canonicalObject(value as { readonly [key: string]: CanonicalValue | undefined });
}

function canonicalObject(value: { readonly [key: string]: CanonicalValue | undefined }): string {
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  const members = keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`);
  return `{${members.join(',')}}`;
}

/** UTF-8 bytes of the canonical text of `value`. */
export function canonicalBytes(value: CanonicalValue): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
