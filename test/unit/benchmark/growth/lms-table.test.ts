import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { parseLmsTable } from '../../../../benchmark/growth/lms-table.js';

describe('growth/lms-table', () => {
  it('parses both sexes onto a regular grid, CRLF or LF', () => {
    const tsv =
      'sex\tage\tl\tm\ts\r\n1\t0\t1\t10\t0.1\r\n1\t1\t1\t11\t0.1\r\n2\t0\t1\t9\t0.2\r\n2\t1\t1\t9.5\t0.2\r\n';
    const table = parseLmsTable(tsv, 1);
    assert.equal(table.size, 2);
    assert.equal(table.x0, 0);
    assert.deepEqual([...table.bySex[0].m], [10, 11]);
    assert.deepEqual([...table.bySex[1].s], [0.2, 0.2]);
  });

  it('refuses a table with a gap, a bad number or unequal sexes', () => {
    const bad = [
      'sex\tage\tl\tm\ts\n1\t0\t1\t10\t0.1\n1\t2\t1\t11\t0.1\n2\t0\t1\t9\t0.2\n2\t1\t1\t9\t0.2\n',
      'sex\tage\tl\tm\ts\n1\t0\t1\tx\t0.1\n2\t0\t1\t9\t0.2\n',
      'sex\tage\tl\tm\ts\n1\t0\t1\t10\t0.1\n1\t1\t1\t11\t0.1\n2\t0\t1\t9\t0.2\n',
      'sex\tage\tl\tm\ts\n',
    ];
    for (const tsv of bad) {
      assert.throws(
        () => parseLmsTable(tsv, 1),
        (e: unknown) => hasCode(e, 'GROWTH_TABLE_INVALID'),
      );
    }
  });
});
