import { strict as assert } from 'node:assert';
import {
  detectDelimiter,
  parseDelimitedLine,
} from '../../../../../node/data/omop/parse-delimited-line.js';

describe('node/data/omop/parseDelimitedLine', () => {
  it('detects a tab-separated header, else comma', () => {
    assert.equal(detectDelimiter('person_id\tgender_concept_id'), '\t');
    assert.equal(detectDelimiter('person_id,gender_concept_id'), ',');
    assert.equal(detectDelimiter('person_id'), ',');
  });

  it('splits comma lines with RFC 4180 quoting', () => {
    assert.deepEqual(parseDelimitedLine('1,"a, b",,"say ""hi"""', ','), [
      '1',
      'a, b',
      '',
      'say "hi"',
    ]);
    assert.equal(parseDelimitedLine('1,"open', ','), undefined);
  });

  it('splits tab lines, keeping commas and quoted tabs inside fields', () => {
    assert.deepEqual(parseDelimitedLine('1\ta,b\t\t3', '\t'), ['1', 'a,b', '', '3']);
    assert.deepEqual(parseDelimitedLine('1\t"x\ty"\t "q""q" \t', '\t'), ['1', 'x\ty', 'q"q', '']);
    assert.deepEqual(parseDelimitedLine('', '\t'), ['']);
  });

  it('refuses broken quoting in tab lines', () => {
    assert.equal(parseDelimitedLine('1\t"open', '\t'), undefined);
    assert.equal(parseDelimitedLine('1\t"a"b\t2', '\t'), undefined);
  });
});
