import { CentileError } from './errors.js';

/**
 * Validates a parsed config object field by field, collecting every problem
 * instead of stopping at the first, so an operator fixes a file in one pass.
 */
export class ConfigReader {
  constructor(
    private readonly root: Readonly<Record<string, unknown>>,
    private readonly resolvePath: (relative: string) => string,
    /** Every problem found so far, shared with nested sections. */
    readonly problems: string[] = [],
  ) {}

  /** Parses config file text (JSON); `source` names the file in errors. */
  static fromJsonText(
    text: string,
    source: string,
    resolvePath: (relative: string) => string,
  ): ConfigReader {
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return new ConfigReader(value as Record<string, unknown>, resolvePath);
      }
    } catch {
      // reported below
    }
    throw new CentileError('invalid-input', 'CONFIG_INVALID', `${source} is not a JSON object`);
  }

  /** Whether `key` is present at all. */
  has(key: string): boolean {
    return this.root[key] !== undefined;
  }

  /** A nested object (or `{}` with a problem recorded). */
  section(key: string): ConfigReader {
    const value = this.root[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return new ConfigReader(value as Record<string, unknown>, this.resolvePath, this.problems);
    }
    if (value !== undefined) this.problems.push(`'${key}' must be an object`);
    return new ConfigReader({}, this.resolvePath, this.problems);
  }

  string(key: string, fallback?: string): string {
    const value = this.root[key] ?? fallback;
    if (typeof value === 'string' && value.length > 0) return value;
    this.problems.push(`'${key}' must be a non-empty string`);
    return '';
  }

  /** A string that may be absent. */
  optionalString(key: string): string | undefined {
    return this.root[key] === undefined ? undefined : this.string(key);
  }

  /** A file path, resolved against the config file's folder. */
  path(key: string, fallback?: string): string {
    const value = this.string(key, fallback);
    return value === '' ? '' : this.resolvePath(value);
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.root[key] ?? fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      return value;
    this.problems.push(`'${key}' must be an integer from ${min} to ${max}`);
    return fallback;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.root[key] ?? fallback;
    if (typeof value === 'boolean') return value;
    this.problems.push(`'${key}' must be true or false`);
    return fallback;
  }

  /** A list of strings (possibly empty). */
  strings(key: string): string[] {
    const value = this.root[key] ?? [];
    if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string'))
      return value;
    this.problems.push(`'${key}' must be a list of strings`);
    return [];
  }

  /** A list of strings that may be absent (undefined, unlike an empty list). */
  optionalStrings(key: string): string[] | undefined {
    return this.root[key] === undefined ? undefined : this.strings(key);
  }

  /** Throws one error listing every problem found, if any. */
  finish(source: string): void {
    if (this.problems.length === 0) return;
    const list = this.problems.map((p) => `  - ${p}`).join('\n');
    throw new CentileError(
      'invalid-input',
      'CONFIG_INVALID',
      `${source} has ${this.problems.length} problem(s):\n${list}`,
    );
  }
}

/** Freezes an object graph so configuration cannot change after start-up. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
