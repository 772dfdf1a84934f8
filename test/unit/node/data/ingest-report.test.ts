import { strict as assert } from 'node:assert';
import { IngestReportBuilder, MAX_REPORTED_PROBLEMS } from '../../../../node/data/ingest-report.js';

describe('node/data/IngestReportBuilder', () => {
  it('counts rows and problems, capping the list but not the counts', () => {
    const builder = new IngestReportBuilder('x.csv');
    builder.accept();
    for (let row = 2; row < 2 + MAX_REPORTED_PROBLEMS; row += 1) {
      builder.reject(row, [
        { field: 'sex', reason: 'BAD_SEX' },
        { field: 'value', reason: 'BAD_NUMBER' },
      ]);
    }
    const report = builder.build();
    assert.equal(report.file, 'x.csv');
    assert.deepEqual(
      [report.rowsRead, report.rowsAccepted, report.rowsRejected],
      [1 + MAX_REPORTED_PROBLEMS, 1, MAX_REPORTED_PROBLEMS],
    );
    assert.equal(report.problems.length, MAX_REPORTED_PROBLEMS);
    assert.deepEqual(report.problems[1], { row: 2, field: 'value', reason: 'BAD_NUMBER' });
    assert.deepEqual(report.problemCounts, {
      BAD_SEX: MAX_REPORTED_PROBLEMS,
      BAD_NUMBER: MAX_REPORTED_PROBLEMS,
    });
    assert.ok(Object.isFrozen(report) && Object.isFrozen(report.problems));
  });
});
