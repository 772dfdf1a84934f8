/**
 * The benchmark catalog: every task a round can be launched for, by its
 * versioned key (`growth.status/v1`). Nodes, the coordinator, the CLI and
 * the generated task reference all read tasks from here.
 */
import { CentileError } from '../errors.js';
import { GROWTH_FALTERING } from './growth-faltering.js';
import { GROWTH_FORECAST } from './growth-forecast.js';
import { GROWTH_OBESITY_RISK } from './growth-obesity-risk.js';
import { GROWTH_STATUS } from './growth-status.js';
import { GROWTH_ZSCORE } from './growth-zscore.js';
import type { TaskDefinition } from './task-definition.js';
import { taskKey } from './task-definition.js';

export const TASK_CATALOG: readonly TaskDefinition[] = Object.freeze([
  GROWTH_ZSCORE,
  GROWTH_STATUS,
  GROWTH_FORECAST,
  GROWTH_OBESITY_RISK,
  GROWTH_FALTERING,
]);

const BY_KEY = new Map(TASK_CATALOG.map((task) => [taskKey(task), task]));

/** The task named `key` (e.g. `growth.status/v1`), or undefined. */
export function findTask(key: string): TaskDefinition | undefined {
  return BY_KEY.get(key);
}

/**
 * The task named `key`.
 * @throws CentileError `TASK_UNKNOWN` (the key is safe to echo: it is a catalog name, not data).
 */
export function requireTask(key: string): TaskDefinition {
  const task = findTask(key);
  if (task === undefined) {
    throw new CentileError('invalid-input', 'TASK_UNKNOWN', `no benchmark task ${key}`);
  }
  return task;
}
