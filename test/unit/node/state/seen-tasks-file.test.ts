import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SeenTasksFile } from '../../../../node/state/seen-tasks-file.js';

describe('SeenTasksFile', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'centile-seen-'));
    file = path.join(dir, 'seen-tasks.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers tasks across restarts and tells replays apart', () => {
    new SeenTasksFile(file).remember('t1', 'n1');
    const seen = new SeenTasksFile(file);
    assert.equal(seen.check('t1', 'n1'), 'same');
    assert.equal(seen.check('t2', 'n1'), 'replayed');
    assert.equal(seen.check('t2', 'n2'), 'new');
  });

  it('drops a torn last line (a write cut short) and appends cleanly after it', () => {
    new SeenTasksFile(file).remember('t1', 'n1');
    appendFileSync(file, '{"task_id":"t2","no');
    const seen = new SeenTasksFile(file);
    assert.equal(seen.check('t2', 'n2'), 'new');
    seen.remember('t3', 'n3');
    assert.equal(new SeenTasksFile(file).check('t3', 'n3'), 'same');
    assert.equal(readFileSync(file, 'utf8').split('\n').length, 3);
  });

  it('refuses to start on a damaged line, with a code', () => {
    writeFileSync(file, 'garbage\n{"task_id":"t1","nonce":"n1"}\n');
    assert.throws(
      () => new SeenTasksFile(file),
      (error: unknown) => (error as { code?: string }).code === 'SEEN_TASKS_CORRUPT',
    );
  });
});
