import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  add,
  compare,
  createRational,
  div,
  formatRational,
  isZero,
  isqrtFloor,
  minRational,
  mul,
  parseRational,
  sub,
  toNumber,
} from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';

const r = (num: bigint, den = 1n): Rational => createRational(num, den);
const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_RATIONAL');

describe('rational', () => {
  describe('parseRational', () => {
    it('adds "0.1" and "0.2" to exactly "0.3" (floats would not)', () => {
      const sum = add(parseRational('0.1'), parseRational('0.2'));
      assert.equal(compare(sum, parseRational('0.3')), 0);
      assert.deepEqual(sum, { num: 3n, den: 10n });
    });

    it('parses decimals, exponents and fractions exactly and reduced', () => {
      const cases: [string, bigint, bigint][] = [
        ['0', 0n, 1n],
        ['3', 3n, 1n],
        ['0.05', 1n, 20n],
        ['1e-6', 1n, 1000000n],
        ['2.5E3', 2500n, 1n],
        ['1.25e+1', 25n, 2n],
        ['3/7', 3n, 7n],
        ['6/4', 3n, 2n],
        ['0/5', 0n, 1n],
        ['007.50', 15n, 2n],
      ];
      for (const [text, num, den] of cases)
        assert.deepEqual(parseRational(text), { num, den }, text);
    });

    it('accepts negatives only when asked', () => {
      assert.throws(() => parseRational('-0.5'), invalid);
      assert.throws(() => parseRational('-1/2'), invalid);
      assert.deepEqual(parseRational('-0.5', { allowNegative: true }), { num: -1n, den: 2n });
      assert.deepEqual(parseRational('-1/2', { allowNegative: true }), { num: -1n, den: 2n });
    });

    it('rejects NaN, Infinity, empty, whitespace, numbers, hex and malformed text', () => {
      const bad: unknown[] = [
        '',
        ' 1',
        '1 ',
        'NaN',
        'Infinity',
        '-Infinity',
        '1/0',
        '1.',
        '.5',
        '0x10',
        '1e',
        '+1',
        '1/2/3',
        '1.5/2',
        '1e999999',
        'a'.repeat(300),
        0.1,
        1,
        1n,
        null,
        undefined,
        {},
      ];
      for (const value of bad) assert.throws(() => parseRational(value), invalid, String(value));
    });
  });

  describe('arithmetic', () => {
    it('normalises sign and gcd on construction', () => {
      assert.deepEqual(r(4n, -6n), { num: -2n, den: 3n });
      assert.deepEqual(r(0n, -5n), { num: 0n, den: 1n });
      assert.throws(() => r(1n, 0n), invalid);
    });

    it('adds, subtracts, multiplies and divides exactly', () => {
      assert.deepEqual(add(r(1n, 3n), r(1n, 6n)), { num: 1n, den: 2n });
      assert.deepEqual(sub(r(1n, 3n), r(1n, 2n)), { num: -1n, den: 6n });
      assert.deepEqual(mul(r(2n, 3n), r(9n, 4n)), { num: 3n, den: 2n });
      assert.deepEqual(div(r(2n, 3n), r(4n, 9n)), { num: 3n, den: 2n });
      assert.deepEqual(div(r(1n), r(-2n)), { num: -1n, den: 2n });
      assert.throws(() => div(r(1n), r(0n)), invalid);
    });

    it('sums ten tenths to exactly one', () => {
      let total = r(0n);
      for (let i = 0; i < 10; i++) total = add(total, parseRational('0.1'));
      assert.deepEqual(total, { num: 1n, den: 1n });
    });

    it('compares by cross-multiplication, including negatives and huge values', () => {
      assert.equal(compare(r(1n, 3n), r(333333333333n, 1000000000000n)), 1);
      assert.equal(compare(r(-1n, 2n), r(-1n, 3n)), -1);
      assert.equal(compare(r(2n, 4n), r(1n, 2n)), 0);
      assert.equal(compare(r(10n ** 40n + 1n, 10n ** 40n), r(1n)), 1);
      assert.deepEqual(minRational(r(1n, 3n), r(1n, 4n)), r(1n, 4n));
      assert.ok(isZero(r(0n, 7n)) && !isZero(r(1n, 7n)));
    });

    it('formats as "p/q" or "p" and round-trips through parseRational', () => {
      assert.equal(formatRational(r(1n, 20n)), '1/20');
      assert.equal(formatRational(r(-7n)), '-7');
      for (const text of ['1/20', '7', '0', '123456789012345678901234567891/8']) {
        assert.equal(formatRational(parseRational(text)), text);
      }
    });

    it('converts to an approximate number for display', () => {
      assert.equal(toNumber(r(1n, 4n)), 0.25);
      assert.equal(toNumber(r(-5n, 2n)), -2.5);
      assert.ok(Math.abs(toNumber(r(1n, 3n)) - 1 / 3) < 1e-15);
      assert.ok(Math.abs(toNumber(r(10n ** 30n + 1n, 10n ** 10n)) / 1e20 - 1) < 1e-15);
    });
  });

  describe('isqrtFloor', () => {
    it('is exact at and around every perfect square up to 2000²', () => {
      assert.equal(isqrtFloor(0n), 0n);
      for (let k = 1n; k <= 2000n; k++) {
        assert.equal(isqrtFloor(k * k), k);
        assert.equal(isqrtFloor(k * k - 1n), k - 1n);
        assert.equal(isqrtFloor(k * k + 2n * k), k); // (k+1)² − 1
      }
    });

    it('is exact for huge values', () => {
      for (const k of [10n ** 40n, 2n ** 64n - 1n, 3n ** 100n, 2n ** 128n + 12345n]) {
        assert.equal(isqrtFloor(k * k), k);
        assert.equal(isqrtFloor(k * k - 1n), k - 1n);
        assert.equal(isqrtFloor((k + 1n) * (k + 1n) - 1n), k);
      }
    });

    it('gives ⌊√(p/q)⌋ as isqrt(⌊p/q⌋), the discrete Gaussian t boundary (cf. dashu#57)', () => {
      const cases: [bigint, bigint][] = [
        [1n, 1n],
        [3n, 4n],
        [4n, 1n],
        [99n, 25n],
        [100n, 25n],
        [25n, 2n],
        [10n ** 30n - 1n, 10n ** 10n],
        [2n ** 90n + 1n, 3n],
      ];
      for (const [p, q] of cases) {
        const t = isqrtFloor(p / q);
        assert.ok(t * t * q <= p, `${p}/${q}`);
        assert.ok((t + 1n) * (t + 1n) * q > p, `${p}/${q}`);
      }
    });

    it('rejects negatives', () => {
      assert.throws(() => isqrtFloor(-1n), invalid);
    });
  });
});
