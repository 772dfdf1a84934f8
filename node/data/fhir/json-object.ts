/**
 * Narrowing helpers for parsed JSON. Exports are untrusted: every element is
 * checked for its type where it is read, instead of trusting a cast.
 */

/** A parsed JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NONE: readonly unknown[] = Object.freeze([]);

/** `value` when it is an array, else an empty one (absent FHIR lists are simply empty). */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NONE;
}

/** `value` when it is a non-empty string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `code` of the first coding of `concept` (a CodeableConcept) in `system` accepted by `accept`. */
export function findCode<T>(
  concept: unknown,
  system: string,
  accept: (code: string) => T | undefined,
): T | undefined {
  if (!isJsonObject(concept)) return undefined;
  for (const coding of asArray(concept.coding)) {
    if (!isJsonObject(coding) || coding.system !== system || typeof coding.code !== 'string') {
      continue;
    }
    const found = accept(coding.code);
    if (found !== undefined) return found;
  }
  return undefined;
}
