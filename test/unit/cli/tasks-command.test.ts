import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { hasCode } from '../../../benchmark/errors.js';
import { taskReferencePage } from '../../../benchmark/tasks/describe-task.js';
import { TASK_CATALOG } from '../../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../../benchmark/tasks/task-definition.js';
import { tasksListCommand, tasksShowCommand } from '../../../cli/tasks-command.js';

function run(command: (args: string[], out: (line: string) => void) => void, args: string[]) {
  const lines: string[] = [];
  command(args, (line) => lines.push(line));
  return lines;
}

describe('centile tasks', () => {
  it('docs/tasks.md is the generated reference (run `npm run docs:tasks` after changing a task)', () => {
    const committed = readFileSync(new URL('../../../docs/tasks.md', import.meta.url), 'utf8');
    assert.equal(committed, taskReferencePage(TASK_CATALOG));
  });

  it('lists every catalog task, also as JSON with its contract and release size', () => {
    const keys = TASK_CATALOG.map(taskKey);
    assert.deepEqual(
      run(tasksListCommand, []).map((line) => line.split(' ')[0]),
      keys,
    );
    const json = JSON.parse(run(tasksListCommand, ['--json']).join('')) as {
      key: string;
      contract: { inputName: string; outputColumns: number };
      release: { cells: number };
    }[];
    assert.deepEqual(
      json.map((t) => t.key),
      keys,
    );
    const status = json.find((t) => t.key === 'growth.status/v1');
    assert.deepEqual(status?.contract, {
      inputName: 'features',
      inputColumns: 6,
      outputName: 'probabilities',
      outputColumns: 6,
    });
  });

  it('shows one task, and refuses an unknown or missing one with a code', () => {
    const page = run(tasksShowCommand, ['growth.zscore/v1']);
    assert.equal(page[0], '## `growth.zscore/v1` — WHO z-scores of a visit');
    assert.throws(
      () => run(tasksShowCommand, ['growth.height/v9']),
      (e: unknown) => hasCode(e, 'TASK_UNKNOWN'),
    );
    assert.throws(
      () => run(tasksShowCommand, []),
      (e: unknown) => hasCode(e, 'USAGE'),
    );
  });
});
