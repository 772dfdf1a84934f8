import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import { describeTask } from '../benchmark/tasks/describe-task.js';
import { requireTask, TASK_CATALOG } from '../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../benchmark/tasks/task-definition.js';
import { taskKey } from '../benchmark/tasks/task-definition.js';
import { modelContractOf } from '../benchmark/tasks/task-model-contract.js';
import { releaseCellCount, releaseSensitivitySquared } from '../benchmark/tasks/task-release.js';

/** `centile tasks list [--json]`: the catalog, one task per line. */
export function tasksListCommand(args: string[], out: (line: string) => void): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  if (values.json === true) {
    out(JSON.stringify(TASK_CATALOG.map(taskJson)));
    return;
  }
  for (const task of TASK_CATALOG) out(`${taskKey(task).padEnd(24)} ${task.title}`);
}

/** `centile tasks show ID [--json]`: a task's contract and rules, as model owners read them. */
export function tasksShowCommand(args: string[], out: (line: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [key] = positionals;
  if (key === undefined) {
    throw new CentileError('invalid-input', 'USAGE', 'name a task, e.g. growth.status/v1');
  }
  const task = requireTask(key);
  if (values.json === true) out(JSON.stringify(taskJson(task), null, 2));
  else describeTask(task).forEach((line) => out(line));
}

/** A task's definition as data (everything but the example builder). */
function taskJson(task: TaskDefinition): Record<string, unknown> {
  const { id, version, kind, title, summary, examples, references } = task;
  const outputs =
    task.kind === 'binary'
      ? { labels: task.labels, scoreBins: task.scoreBins }
      : { targets: task.targets, errorBins: task.errorBins };
  return {
    key: taskKey(task),
    ...{ id, version, kind, title, summary, examples, references },
    inputName: task.inputName,
    features: task.features,
    outputName: task.outputName,
    ...outputs,
    subgroups: task.subgroups,
    metrics: task.metrics,
    contract: modelContractOf(task),
    release: {
      cells: releaseCellCount(task),
      l2_sensitivity_squared: String(releaseSensitivitySquared(task)),
    },
  };
}
