import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { formatRational } from '../../../../benchmark/privacy/rational.js';
import {
  parseDeltaArg,
  parseIntegerArg,
  parsePositiveRationalArg,
  requireArg,
} from '../../../../cli/privacy/privacy-args.js';
import {
  approxNumber,
  formatApprox,
  formatDelta,
  formatExact,
} from '../../../../cli/privacy/privacy-display.js';
import { parseRational } from '../../../../benchmark/privacy/rational.js';

const usage = (error: unknown) => hasCode(error, 'USAGE');

describe('privacy arguments of the CLI', () => {
  it('parses rho and epsilon exactly, as decimals, exponents or p/q', () => {
    assert.equal(formatRational(parsePositiveRationalArg('0.05', '--rho')), '1/20');
    assert.equal(formatRational(parsePositiveRationalArg('1/20', '--rho')), '1/20');
    assert.equal(formatRational(parsePositiveRationalArg('5e-2', '--rho')), '1/20');
    assert.equal(formatRational(parsePositiveRationalArg('3', '--epsilon')), '3');
  });

  it('refuses rho that is zero, negative, a float spelling or text, with USAGE', () => {
    for (const text of ['0', '0/5', '-0.1', '-1/2', 'abc', '', ' 0.1', 'NaN', 'Infinity', '1/0']) {
      assert.throws(() => parsePositiveRationalArg(text, '--rho'), usage, text);
    }
  });

  it('takes delta strictly inside (0, 1)', () => {
    const delta = parseDeltaArg('1e-6');
    assert.equal(formatRational(delta.exact), '1/1000000');
    assert.equal(delta.value, 1e-6);
    assert.equal(parseDeltaArg('999999/1000000').value, 0.999999);
    for (const text of ['0', '1', '1.5', '-1e-6', '2/2', 'x']) {
      assert.throws(() => parseDeltaArg(text), usage, text);
    }
  });

  it('parses integers as bigints within bounds, negatives included', () => {
    assert.equal(parseIntegerArg('-42', '--value'), -42n);
    assert.equal(
      parseIntegerArg('123456789012345678901234567890', '--value'),
      123456789012345678901234567890n,
    );
    assert.equal(parseIntegerArg('1000000', '--count', { min: 1n, max: 1_000_000n }), 1_000_000n);
    for (const text of ['0', '1000001', '1.5', '1e3', '', '+3', '0x10', '1'.repeat(41)]) {
      assert.throws(
        () => parseIntegerArg(text, '--count', { min: 1n, max: 1_000_000n }),
        usage,
        text,
      );
    }
  });

  it('names a missing flag with USAGE', () => {
    assert.equal(requireArg('x', '--rho'), 'x');
    assert.throws(() => requireArg(undefined, '--rho'), usage);
  });

  it('shows amounts exactly beside readable decimals, tiny ones too', () => {
    assert.equal(formatExact(parseRational('0.05')), '1/20 (0.05)');
    assert.equal(formatExact(parseRational('3')), '3');
    assert.equal(formatExact(parseRational('1/3')), '1/3 (0.3333)');
    assert.ok(Math.abs(approxNumber(parseRational('1e-30')) / 1e-30 - 1) < 1e-12);
    assert.equal(formatApprox(approxNumber(parseRational('1e-30'))), '1.000e-30');
    assert.equal(formatApprox(13.038404810405298), '13.04');
    assert.equal(formatDelta(1e-6), '1e-6');
    assert.equal(formatDelta(0.01), '0.01');
  });
});
