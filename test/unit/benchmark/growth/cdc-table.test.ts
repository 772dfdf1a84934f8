import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { cdcBracket, parseCdcTable } from '../../../../benchmark/growth/cdc-table.js';
import { cdcTableLookup, lmsOf } from '../../../../benchmark/growth/lms-lookup.js';

const rows = (sex: number, grid: number[]): string =>
  grid.map((x, i) => `${sex}\t${x}\t${i}\t${10 + i}\t0.1\n`).join('');
const tsv = (grid: number[]): string => `sex\tx\tl\tm\ts\n${rows(1, grid)}${rows(2, grid)}`;

describe('growth/cdc-table', () => {
  it('finds the bracket as the SAS program does: int(x + 0.5) − 0.5, below x0 + ½ the first', () => {
    const table = parseCdcTable(tsv([0, 0.5, 1.5, 2.5, 3]));
    const at = (x: number): number => cdcBracket(table, x);
    assert.deepEqual([0, 0.49, 0.5, 1.49, 1.5, 2.5, 2.99].map(at), [0, 0, 1, 1, 2, 3, 3]);
    // The last point closes the grid: 3 itself, and anything outside, has no bracket.
    assert.deepEqual([3, 3.2, -0.01, Number.NaN].map(at), [-1, -1, -1, -1]);
    const lengths = parseCdcTable(tsv([45, 45.5, 46.5, 47.5]));
    assert.deepEqual(
      [45, 45.49, 45.5, 47.49].map((x) => cdcBracket(lengths, x)),
      [0, 0, 1, 2],
    );
  });

  it('interpolates l1 + (x − x1)(l2 − l1)/(x2 − x1) for each sex', () => {
    const lookup = cdcTableLookup(parseCdcTable(tsv([23.5, 24.5, 25.5, 26]))).one;
    assert.deepEqual(lmsOf(lookup, 1, 24), { l: 0.5, m: 10.5, s: 0.1 });
    assert.deepEqual(lmsOf(lookup, 2, 25.75), { l: 2.5, m: 12.5, s: 0.1 });
    assert.deepEqual(lmsOf(lookup, 1, 24.5), { l: 1, m: 11, s: 0.1 });
    assert.equal(lmsOf(lookup, 3, 24), undefined);
    assert.equal(lmsOf(lookup, 1, 26), undefined);
  });

  it('refuses a table off the half-point grid, with unequal sexes or a bad number', () => {
    const bad = [
      tsv([0, 1, 2]), // whole months are not the SAS grid
      tsv([0, 0.5, 2.5]),
      tsv([0, 0.5, 1.5, 3]), // the last point may close early, not late
      `sex\tx\tl\tm\ts\n${rows(1, [0, 0.5, 1.5])}${rows(2, [0, 0.5])}`,
      tsv([0, 0.5, 1.5]).replace('10', 'x'),
      'sex\tx\tl\tm\ts\n',
    ];
    for (const text of bad) {
      assert.throws(
        () => parseCdcTable(text),
        (e: unknown) => hasCode(e, 'GROWTH_TABLE_INVALID'),
        text.slice(0, 60),
      );
    }
  });
});
