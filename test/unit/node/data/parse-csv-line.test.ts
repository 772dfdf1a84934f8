import { strict as assert } from 'node:assert';
import { parseCsvLine } from '../../../../node/data/parse-csv-line.js';

describe('node/data/parseCsvLine', () => {
  it('splits plain fields, keeping empty ones', () => {
    assert.deepEqual(parseCsvLine('a,b,,c'), ['a', 'b', '', 'c']);
    assert.deepEqual(parseCsvLine(''), ['']);
    assert.deepEqual(parseCsvLine(','), ['', '']);
    assert.deepEqual(parseCsvLine('a,'), ['a', '']);
  });

  it('unquotes quoted fields with commas and doubled quotes', () => {
    assert.deepEqual(parseCsvLine('"a,b","say ""hi""",c'), ['a,b', 'say "hi"', 'c']);
    assert.deepEqual(parseCsvLine('"",""""'), ['', '"']);
    assert.deepEqual(parseCsvLine('x,"y"'), ['x', 'y']);
  });

  it('tolerates spaces around quoted fields but keeps them in plain ones', () => {
    assert.deepEqual(parseCsvLine(' "a,b" , c '), ['a,b', ' c ']);
  });

  it('keeps a quote inside a plain field literally', () => {
    assert.deepEqual(parseCsvLine('5\'2",x'), ['5\'2"', 'x']);
  });

  it('refuses broken quoting', () => {
    assert.equal(parseCsvLine('"abc'), undefined);
    assert.equal(parseCsvLine('a,"b""'), undefined);
    assert.equal(parseCsvLine('"a"b,c'), undefined);
  });
});
