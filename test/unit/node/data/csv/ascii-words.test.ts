import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import {
  asciiEstimated,
  asciiKind,
  asciiSex,
  asciiUnit,
  unitFactorDigits,
  unitFactorExponent,
} from '../../../../../node/data/csv/ascii-words.js';
import { decimalToNumber, multiplyDecimal } from '../../../../../node/data/decimal.js';
import { parseKind, toSiValue } from '../../../../../node/data/measurement-units.js';

type Matcher<T> = (bytes: Uint8Array, start: number, end: number) => T;
const on =
  <T>(match: Matcher<T>) =>
  (text: string): T => {
    const bytes = Buffer.from(`,${text},`);
    return match(bytes, 1, bytes.length - 1);
  };

const KINDS = [0, 1, 2, 3, 4] as const;

describe('node/data/csv/ascii words', () => {
  it('finds kinds like parseKind, folding ASCII case only', () => {
    const kind = on(asciiKind);
    const names = ['weight', 'LENGTH', 'Height', 'head_circumference', 'BMI', 'bmi'];
    for (const name of names) assert.equal(kind(name), parseKind(name), name);
    for (const name of ['stature', 'weigh', 'weights', 'head circumference', '', 'ｗeight']) {
      assert.equal(kind(name), -1, name);
    }
  });

  it('finds each unit of each kind with the factor toSiValue uses', () => {
    const units = ['kg', 'G', 'lb', 'Oz', 'cm', 'MM', 'm', 'in', 'kg/m2', 'KG/M^2', 'stone', 'kgs'];
    const seven = { digits: 7n, exponent: 0 };
    for (const kind of KINDS) {
      for (const name of units) {
        const unit = on((bytes, start, end) => asciiUnit(bytes, start, end, kind))(name);
        const expected = toSiValue(kind, seven, name);
        if (expected === undefined) {
          assert.equal(unit, -1, `${name} for kind ${kind}`);
          continue;
        }
        const factor = {
          digits: BigInt(unitFactorDigits(unit)),
          exponent: unitFactorExponent(unit),
        };
        assert.equal(
          decimalToNumber(multiplyDecimal(seven, factor)),
          expected,
          `${name}, kind ${kind}`,
        );
      }
    }
    // Not ASCII: the exact path decides.
    const bmi = on((bytes, start, end) => asciiUnit(bytes, start, end, MeasurementKind.bmi));
    assert.equal(bmi('kg/m²'), -1);
    // Bytes that are ASCII letters plus 128 are not letters.
    const weightUnit = (bytes: Buffer): number =>
      asciiUnit(bytes, 0, bytes.length, MeasurementKind.weight);
    assert.equal(weightUnit(Buffer.from([0x67 + 0x80])), -1);
    assert.equal(weightUnit(Buffer.from([0x6b + 0x80, 0x67])), -1);
  });

  it('reads sex and estimated like the exact path', () => {
    const sex = on(asciiSex);
    assert.deepEqual(['M', 'm', '1', 'F', 'f', '2'].map(sex), [1, 1, 1, 2, 2, 2]);
    assert.deepEqual(['', 'male', '0', 'X', ' M'].map(sex), [0, 0, 0, 0, 0]);
    const estimated = on(asciiEstimated);
    assert.deepEqual(['', '0', '1', 'true', 'TRUE', 'False'].map(estimated), [0, 0, 1, 1, 1, 0]);
    assert.deepEqual(['yes', '2', 't', 'falsey', ' 1'].map(estimated), [-1, -1, -1, -1, -1]);
  });
});
