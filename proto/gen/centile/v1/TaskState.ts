// Original file: centile/v1/federation.proto

export const TaskState = {
  TASK_STATE_UNSPECIFIED: 'TASK_STATE_UNSPECIFIED',
  TASK_STATE_ACCEPTED: 'TASK_STATE_ACCEPTED',
  TASK_STATE_RUNNING: 'TASK_STATE_RUNNING',
  TASK_STATE_REFUSED: 'TASK_STATE_REFUSED',
  TASK_STATE_FAILED: 'TASK_STATE_FAILED',
} as const;

export type TaskState =
  | 'TASK_STATE_UNSPECIFIED'
  | 0
  | 'TASK_STATE_ACCEPTED'
  | 1
  | 'TASK_STATE_RUNNING'
  | 2
  | 'TASK_STATE_REFUSED'
  | 3
  | 'TASK_STATE_FAILED'
  | 4

export type TaskState__Output = typeof TaskState[keyof typeof TaskState]
