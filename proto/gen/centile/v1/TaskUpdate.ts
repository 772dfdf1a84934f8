// Original file: centile/v1/federation.proto

import type { TaskState as _centile_v1_TaskState, TaskState__Output as _centile_v1_TaskState__Output } from '../../centile/v1/TaskState.js';

export interface TaskUpdate {
  'task_id'?: (string);
  'state'?: (_centile_v1_TaskState);
  'progress'?: (number | string);
  'error_code'?: (string);
  'message'?: (string);
}

export interface TaskUpdate__Output {
  'task_id': (string);
  'state': (_centile_v1_TaskState__Output);
  'progress': (number);
  'error_code': (string);
  'message': (string);
}
