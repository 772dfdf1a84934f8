import { strict as assert } from 'node:assert';
import { createPrng } from '../../../../../benchmark/sim/prng.js';
import { asciiDecimalTimes } from '../../../../../node/data/csv/ascii-decimal.js';
import {
  decimalToNumber,
  multiplyDecimal,
  parseDecimal,
} from '../../../../../node/data/decimal.js';

/** The exact path's result for `text × digits × 10^exponent`. */
function exact(text: string, digits: number, exponent: number): number {
  const decimal = parseDecimal(text);
  assert.ok(decimal, text);
  return decimalToNumber(multiplyDecimal(decimal, { digits: BigInt(digits), exponent }));
}

function fast(text: string, digits: number, exponent: number): number {
  return asciiDecimalTimes(Buffer.from(`,${text},`), 1, text.length + 1, digits, exponent);
}

/** Every factor the long CSV format uses, as digits × 10^exponent. */
const FACTORS: ReadonlyArray<readonly [number, number]> = [
  [1, 0], // kg, cm, kg/m2
  [1, -3], // g
  [45359237, -8], // lb
  [28349523125, -12], // oz
  [1, -1], // mm
  [1, 2], // m
  [254, -2], // in
];

describe('node/data/csv/asciiDecimalTimes', () => {
  it('gives bit for bit the exact path result, or NaN, for many decimals and every factor', () => {
    const rng = createPrng('ascii-decimal');
    let taken = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const whole = String(rng.int(10 ** (1 + rng.int(9))));
      const fraction = rng.chance(0.7)
        ? `.${String(rng.int(10 ** 9)).slice(0, 1 + rng.int(9))}`
        : '';
      const text = `${whole}${fraction}`;
      for (const [digits, exponent] of FACTORS) {
        const value = fast(text, digits, exponent);
        if (Number.isNaN(value)) continue;
        taken += 1;
        assert.ok(
          Object.is(value, exact(text, digits, exponent)),
          `${text} × ${digits}e${exponent}`,
        );
      }
    }
    assert.ok(taken > 100_000, `the fast path took only ${taken} cases`);
  });

  it('takes the spellings Sim and typical exports write', () => {
    assert.equal(fast('3.93', 1, 0), 3.93);
    assert.equal(fast('2650', 1, -3), 2.65);
    assert.equal(fast('7.5', 45359237, -8), 3.401942775);
    assert.equal(fast('19.5', 254, -2), 49.53);
    assert.equal(fast('1.02', 1, 2), 102);
    assert.equal(fast('007.50', 1, 0), 7.5);
  });

  it('leaves every other spelling to the exact path', () => {
    for (const text of [
      '',
      '.',
      '.5',
      '5.',
      '1e3',
      '-1',
      '+1',
      '1.2.3',
      ' 1',
      '1 ',
      '1,5',
      'NaN',
    ]) {
      assert.ok(Number.isNaN(fast(text, 1, 0)), JSON.stringify(text));
    }
    // Too many digits to be sure of exactness.
    assert.ok(Number.isNaN(fast('1234567890.123456', 1, 0)));
    // A product past 2^53 would be rounded twice.
    assert.ok(Number.isNaN(fast('123456789012', 28349523125, -12)));
    assert.ok(Number.isNaN(fast('99999999999999', 1, 2)));
  });
});
