/** Writes docs/tasks.md from the task catalog (`npm run docs:tasks`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { taskReferencePage } from '../benchmark/tasks/describe-task.js';
import { TASK_CATALOG } from '../benchmark/tasks/task-catalog.js';

writeFileSync(
  fileURLToPath(new URL('../docs/tasks.md', import.meta.url)),
  taskReferencePage(TASK_CATALOG),
);
