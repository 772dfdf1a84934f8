/** What the coordinator's and the node's `/readyz` check (shared, like config-reader.ts). */

/** One condition `/readyz` checks; `ready` may throw, which counts as not ready. */
export interface ReadinessCheck {
  readonly name: string;
  ready(): boolean;
}

/** Names of the checks that fail or throw, in order. */
export function failingChecks(checks: readonly ReadinessCheck[]): string[] {
  return checks.filter((check) => !passes(check)).map((check) => check.name);
}

function passes(check: ReadinessCheck): boolean {
  try {
    return check.ready();
  } catch {
    return false;
  }
}
