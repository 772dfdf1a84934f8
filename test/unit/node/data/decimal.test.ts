import { strict as assert } from 'node:assert';
import { decimalToNumber, multiplyDecimal, parseDecimal } from '../../../../node/data/decimal.js';

const num = (text: string): number | undefined => {
  const decimal = parseDecimal(text);
  return decimal === undefined ? undefined : decimalToNumber(decimal);
};

describe('node/data/decimal', () => {
  it('parses decimal text exactly', () => {
    assert.deepEqual(parseDecimal('12.50'), { digits: 1250n, exponent: -2 });
    assert.deepEqual(parseDecimal('-.5'), { digits: -5n, exponent: -1 });
    assert.deepEqual(parseDecimal('3.e2'), { digits: 3n, exponent: 2 });
    assert.deepEqual(parseDecimal('+7E-1'), { digits: 7n, exponent: -1 });
    assert.equal(num('0.1'), 0.1);
    assert.equal(num('1e3'), 1000);
  });

  it('refuses non-decimal text', () => {
    for (const text of [
      '',
      '.',
      '-',
      'NaN',
      'Infinity',
      '0x10',
      '1,5',
      '1.2.3',
      'e5',
      '1e',
      '1 2',
      '1e1234567',
    ]) {
      assert.equal(parseDecimal(text), undefined, text);
    }
  });

  it('multiplies exactly and rounds once', () => {
    const product = (a: string, b: string): number => {
      const x = parseDecimal(a);
      const y = parseDecimal(b);
      assert.ok(x && y);
      return decimalToNumber(multiplyDecimal(x, y));
    };
    assert.equal(product('36', '0.45359237'), 16.32932532);
    assert.notEqual(36 * 0.45359237, 16.32932532); // why: double arithmetic rounds twice
    assert.equal(product('1.02', '100'), 102);
    assert.equal(product('0.1', '0.2'), 0.02);
  });
});
